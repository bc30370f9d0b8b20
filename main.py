"""nianbao: 政府信息公开工作年度报告 编写与校核.

    python main.py [FILE]                          open the window (on the bundled sample without FILE)
    python main.py --screenshot OUT.png [FILE]     render the window to a PNG and exit
    python main.py check FILE… [--prior FILE] [--json]
    python main.py import SRC -o OUT.nianbao
    python main.py new --from-prior LAST -o NEW.nianbao
    python main.py export FILE [--xlsx OUT] [--pdf OUT] [--force]

Exit codes: 0 fine, 1 a checked report has errors (or export refused), 2 a file could not be read or written.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

COMMANDS = ("check", "import", "new", "export")
HEADLESS_HINT = "没有可用的图形显示；可在命令行使用：check（校核）、import（导入）、new（从上年新建）、export（导出）"


class CliError(Exception):
    """A file that cannot be read or written: one line, exit code 2."""


def _out(text: str) -> None:
    if sys.stdout is not None:  # None in the Windows bundle's windowed nianbao.exe (nianbao-cli.exe has one)
        sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")


def read_report(path: str, notes: list[str] | None = None):
    """A report from a .nianbao file or anything the importers read.  Raises CliError."""
    from model.fileformat import FileFormatError, load

    p = Path(path)
    if not p.exists():
        raise CliError(f"{path}：文件不存在")
    if p.suffix.lower() == ".nianbao":
        try:
            return load(p)
        except FileFormatError as e:
            raise CliError(str(e)) from None
    try:
        import ingest
    except ImportError:  # pragma: no cover - ingest ships with the program
        raise CliError(f"{path}：不支持的文件类型") from None
    try:
        result = ingest.read_report(str(p))
    except (ingest.IngestError, FileFormatError) as e:
        raise CliError(str(e)) from None
    if notes is not None:
        summary = result.summary()
        if summary:
            notes.append(summary)
    return result.report


def _with_prior(report, prior_path: str | None):
    if prior_path:
        from model.report import Prior

        last = read_report(prior_path)
        report.prior = Prior(year=last.meta.year, organ=last.meta.organ, cells=dict(last.cells),
                             sections=dict(last.sections))
    return report


def cmd_check(args) -> int:
    from model.engine import check
    from model.present import error_json, result_json, result_text
    from model.rules import ERROR

    results, worst = [], 0
    for path in args.files:
        try:
            report = _with_prior(read_report(path), args.prior)
        except CliError as e:
            worst = 2
            results.append(error_json(path, str(e)))
            if not args.json:
                # the reader's message already names the file; say it once
                _out(f"无法读取 —— {e}" if Path(path).name in str(e) else f"{path}：无法读取 —— {e}")
            continue
        findings = check(report)
        if any(f.severity == ERROR for f in findings):
            worst = max(worst, 1)
        if args.json:
            results.append(result_json(path, report, findings))
        else:
            _out(result_text(path, report, findings))
    if args.json:
        _out(json.dumps(results, ensure_ascii=False, indent=1))
    return worst


def _save(report, out: str) -> None:
    from model.fileformat import save

    try:
        save(report, out)
    except OSError as e:
        raise CliError(f"{out}：无法写入（{e.strerror or e}）") from None


def cmd_import(args) -> int:
    notes: list[str] = []
    report = read_report(args.src, notes)
    for n in notes:
        _out(n)
    _save(report, args.output)
    _out(f"已导入：{args.output}")
    return 0


def cmd_new(args) -> int:
    from model.nextyear import new_from_prior

    last = read_report(args.from_prior)
    if last.meta.year is None:
        raise CliError(f"{args.from_prior}：上年报告没有年度，无法确定新报告的年度")
    report = new_from_prior(last)
    _save(report, args.output)
    _out(f"已新建 {report.meta.year} 年度报告：{args.output}")
    return 0


def cmd_export(args) -> int:
    from model.engine import Checker

    if not args.xlsx and not args.pdf:
        raise CliError("请用 --xlsx 或 --pdf 指定输出文件")
    report = read_report(args.file)
    checker = Checker(report)
    if checker.has_errors() and not args.force:
        _err(f"{args.file}：报告仍有 {checker.counts()['error']} 项错误，未导出；"
             "请先用 check 查看并修改，或加 --force 导出草稿")
        return 1
    from export import ExportError

    try:
        if args.xlsx:
            from export.xlsx import write_xlsx

            write_xlsx(report, args.xlsx)
            _out(f"已导出 Excel：{args.xlsx}")
        if args.pdf:
            from export.pdf import write_pdf

            write_pdf(report, args.pdf)
            _out(f"已导出 PDF：{args.pdf}")
    except ExportError as e:
        raise CliError(str(e)) from None
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nianbao", description="政府信息公开工作年度报告 编写与校核")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="校核报告")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--prior", metavar="FILE", help="上年报告（启用跨年度校核）")
    c.add_argument("--json", action="store_true", help="以 JSON 输出")
    i = sub.add_parser("import", help="导入已发布的报告（.pdf .docx .txt .html .xlsx）")
    i.add_argument("src", metavar="SRC")
    i.add_argument("-o", "--output", required=True, metavar="OUT.nianbao")
    n = sub.add_parser("new", help="从上年报告新建本年度报告")
    n.add_argument("--from-prior", required=True, metavar="LAST")
    n.add_argument("-o", "--output", required=True, metavar="NEW.nianbao")
    e = sub.add_parser("export", help="导出 Excel / PDF")
    e.add_argument("file", metavar="FILE")
    e.add_argument("--xlsx", metavar="OUT")
    e.add_argument("--pdf", metavar="OUT")
    e.add_argument("--force", action="store_true", help="有错误时仍导出（PDF 标注草稿）")
    return p


def _window(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="nianbao", description="政府信息公开工作年度报告 编写与校核",
                                epilog="命令行：check / import / new / export，见 nianbao COMMAND --help")
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--screenshot", metavar="OUT.png", help="把窗口渲染为 PNG 后退出")
    args = p.parse_args(argv)
    if args.file and not Path(args.file).exists():
        _err(f"{args.file}：文件不存在")
        return 2
    from gui.app import display_available, run

    if not args.screenshot and not display_available():
        _err(HEADLESS_HINT)
        return 2
    return run(args.file, args.screenshot)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in COMMANDS:
            args = _parser().parse_args(argv)
            handler = {"check": cmd_check, "import": cmd_import, "new": cmd_new, "export": cmd_export}
            return handler[args.command](args)
        return _window(argv)
    except CliError as e:
        _err(str(e))
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the importers parse files in a child process; a frozen build needs this
    sys.exit(main())
