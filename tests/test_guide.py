"""The user guide is generated from the catalogue: every rule is in it, with its formula and an example."""
from html.parser import HTMLParser

from model.guide import EXAMPLES, guide_html
from model.rules import RULES
from model.schema import SECTIONS


def test_every_rule_has_an_example_and_no_example_is_orphaned():
    assert set(EXAMPLES) == set(RULES)


def test_guide_lists_every_rule_with_formula_and_example():
    html = guide_html()
    for r in RULES.values():
        assert f"<td>{r.id}</td>" in html
        assert r.formula.replace("<", "&lt;").replace(">", "&gt;") in html
    assert f"共 {len(RULES)} 条" in html


def test_guide_names_every_part_of_the_form_and_is_well_formed():
    html = guide_html()
    for s in SECTIONS:
        assert s.heading in html
    opened: list[str] = []

    class Balance(HTMLParser):
        def handle_starttag(self, tag, attrs):
            opened.append(tag)

        def handle_endtag(self, tag):
            assert opened.pop() == tag

    Balance().feed(html)
    assert opened == []
