"""帮助: the guide (F1) lists every rule; 关于 names the version and licences."""


def test_help_menu_opens_the_guide_with_every_rule(window, qtbot):
    from model.rules import RULES

    menus = [a.text() for a in window.menuBar().actions()]
    assert "帮助(&H)" in menus
    assert window.act_guide.shortcut().toString() == "F1"
    window.act_guide.trigger()
    text = window._guide.browser.toPlainText()
    assert all(rule_id in text for rule_id in RULES)
    assert window._guide.isVisible()


def test_about_names_version_and_licences():
    from gui.help import about_text

    text = about_text()
    assert "版本" in text and "Open Font License" in text and "LGPL" in text
