"""nianbao: 政府信息公开工作年度报告 编写与校核.

    python main.py [FILE]                          open the window (on the bundled sample without FILE)
    python main.py --screenshot OUT.png [--size 1024x768] [FILE]   render the window to a PNG and exit
    python main.py check FILE… [--prior FILE] [--json]
    python main.py import SRC -o OUT.nianbao [--force]
    python main.py new --from-prior LAST -o NEW.nianbao [--force]
    python main.py export FILE [--xlsx OUT] [--pdf OUT] [--docx OUT] [--html OUT] [--force]
    python main.py draft FILE [--section s1|s6] [--write]
    python main.py batch PATH… -o SUMMARY.xlsx [--prior DIR] [--json] [--jobs N]

import and new refuse to replace a read-only OUT / NEW unless --force; export --force exports a report
that still has errors (as a draft).
Exit codes: 0 fine, 1 a checked report has errors (or export refused), 2 a file could not be read or written
(or is read-only).
"""
from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.batch import BatchOutcome
    from model.batch import BatchEntry
    from model.report import Report

COMMANDS = ("check", "import", "new", "export", "draft", "batch")
HEADLESS_HINT = ("没有可用的图形显示；可在命令行使用：check（校核）、import（导入）、new（从上年新建）、export（导出）、"
                 "draft（按表格生成段落）、batch（批量校核）")


class CliError(Exception):
    """A file that cannot be read or written: one line, exit code 2."""


class UsageError(CliError):
    """The command was given wrongly (exit code 2, as argparse's own usage errors)."""


def _out(text: str) -> None:
    if sys.stdout is not None:  # None in the Windows bundle's windowed nianbao.exe (nianbao-cli.exe has one)
        sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")


def read_report(path: str, notes: list[str] | None = None) -> Report:
    """A report from a .nianbao file or anything the importers read, through the one open path
    (ingest.read_report, which the window uses too).  Raises CliError."""
    import ingest

    try:
        result = ingest.read_report(path, progress=_ocr_progress(path))
    except ingest.IngestError as e:
        raise CliError(str(e)) from None
    if notes is not None and not result.native:
        notes.append(result.summary())
    return result.report


def _ocr_progress(path: str) -> Callable[[int, int, str], None]:
    """A scanned page takes seconds to read: each is announced on stderr (stdout may be --json)."""
    name = Path(path).name
    return lambda k, n, what: _err(f"{name}：文字识别（OCR）第 {k}/{n} {what}…")


def _with_prior(report: Report, prior_path: str | None) -> Report:
    if prior_path:
        from model.report import Prior

        report.prior = Prior.of(read_report(prior_path))
    return report


def cmd_check(args: argparse.Namespace) -> int:
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


def _read_only(path: Path) -> bool:
    """An existing file the clerk (or the office's policy) marked read-only; the mode bits count even for
    root and on Windows (where the read-only attribute clears them), os.access for other owners' files."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # missing: nothing to protect; other problems surface when writing
    return stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK))


def _may_replace(out: str, force: bool) -> None:
    """Checked before any reading, so that a refusal comes at once and alone."""
    if not force and _read_only(Path(out)):
        raise CliError(f"{out}：文件是只读的，未覆盖；确要替换请加 --force")


def _save(report: Report, out: str) -> None:
    from model.fileformat import save
    from model.oserrors import WRITE, file_problem

    try:
        save(report, out)
    except OSError as e:
        raise CliError(file_problem(out, e, WRITE)) from None


def cmd_import(args: argparse.Namespace) -> int:
    _may_replace(args.output, args.force)
    notes: list[str] = []
    report = read_report(args.src, notes)
    for n in notes:
        _out(n)
    _save(report, args.output)
    _out(f"已导入：{args.output}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from model.nextyear import new_from_prior

    _may_replace(args.output, args.force)
    last = read_report(args.from_prior)
    if last.meta.year is None:
        raise CliError(f"{args.from_prior}：上年报告没有年度，无法确定新报告的年度")
    report = new_from_prior(last)
    _save(report, args.output)
    _out(f"已新建 {report.meta.year} 年度报告：{args.output}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from export import TARGETS, ExportError, ExportRefused, export_report

    wanted = [(kind, getattr(args, kind)) for kind in TARGETS if getattr(args, kind)]
    if not wanted:
        raise CliError("请用 " + " 或 ".join(f"--{k}" for k in TARGETS) + " 指定输出文件")
    report = read_report(args.file)
    try:
        for kind, out in wanted:
            export_report(report, kind, out, force=args.force)
            _out(f"已导出 {TARGETS[kind].label}：{out}")
    except ExportRefused as e:
        _err(f"{args.file}：{e}；请先用 check 查看并修改，或加 --force 导出草稿")
        return 1
    except ExportError as e:
        raise CliError(str(e)) from None
    return 0


def cmd_draft(args: argparse.Namespace) -> int:
    """Print the paragraphs generated from the figures, or write them into the file's sections."""
    from model.drafted import draft_state, place
    from model.drafting import DRAFT_SECTIONS
    from model.schema import SECTION_BY_ID

    report = read_report(args.file)
    if args.write and Path(args.file).suffix.lower() != ".nianbao":
        raise CliError(f"{args.file}：--write 只能写入 .nianbao 文件；请先用 import 转换")
    for sid in ([args.section] if args.section else DRAFT_SECTIONS):
        state = draft_state(report, sid)
        if state.stale:
            _err(f"{args.file}：{SECTION_BY_ID[sid].heading}中生成的段落已过期（{state.describe()}）")
        text, record, _ = place(report, sid)
        if not record.text:
            _err(f"{args.file}：{SECTION_BY_ID[sid].heading}所需的表格数字尚未填写，无法生成")
            continue
        if args.write:
            report.sections[sid], report.generated[sid] = text, record
        else:
            _out(f"【{SECTION_BY_ID[sid].heading}】\n{record.text}\n")
    if args.write:
        _save(report, args.file)
        _out(f"已写入：{args.file}")
    return 0


def _batch_line(e: BatchEntry) -> str:
    if e.report is None:  # not e.ok
        return f"无法读取 —— {e.error}"
    c = e.counts()
    organ = e.report.meta.organ or "（未填机关）"
    return f"{e.file}：{organ} 错误 {c['error']} 项，警告 {c['warning']} 项，已说明 {c['explained']} 项"


def _batch_usage(args: argparse.Namespace) -> None:
    """UsageError (exit 2) for a batch command given wrongly."""
    from ingest.batch import find_reports

    if not args.output and not args.json:
        raise UsageError("请用 -o 指定汇总表（.xlsx），或用 --json 输出")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs 应为不小于1的整数")
    if args.prior and not Path(args.prior).is_dir():
        raise UsageError(f"{args.prior}：上年报告文件夹不存在")
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"{missing[0]}：文件或文件夹不存在")
    if not find_reports(args.paths):
        raise UsageError("没有找到可读取的报告文件（" + " ".join(args.paths)[:200] + "）")


def _print_batch(outcome: BatchOutcome, args: argparse.Namespace) -> None:
    for e in outcome.entries:
        _out(_batch_line(e))
    if args.prior:
        paired = sum(1 for e in outcome.entries if e.prior_file)
        _out(f"上年报告 {len(outcome.prior_entries)} 个文件，与本年 {paired} 份报告按机关名称配对")
        for e in outcome.prior_entries:
            if not e.ok:
                _out(f"上年报告无法读取 —— {e.error}")
    unread = sum(1 for e in outcome.entries if not e.ok)
    _out(f"共 {len(outcome.entries)} 个文件：汇总 {outcome.rollup.count} 份报告，无法读取 {unread} 个"
         + (f"；汇总表：{args.output}" if args.output else ""))


def cmd_batch(args: argparse.Namespace) -> int:
    from export import ExportError
    from ingest.batch import check_batch

    _batch_usage(args)
    outcome = check_batch(args.paths, [args.prior] if args.prior else [], args.jobs)
    if args.output:
        from export.batch_xlsx import write_batch_xlsx

        try:
            write_batch_xlsx(outcome.entries, outcome.rollup, args.output)
        except ExportError as e:
            raise CliError(str(e)) from None
    if args.json:
        _out(json.dumps(outcome.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_batch(outcome, args)
    return 1 if outcome.has_errors else 0


def _parser() -> argparse.ArgumentParser:
    from ingest.formats import help_list

    p = argparse.ArgumentParser(prog="nianbao", description="政府信息公开工作年度报告 编写与校核")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="校核报告")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--prior", metavar="FILE", help="上年报告（启用跨年度校核）")
    c.add_argument("--json", action="store_true", help="以 JSON 输出")
    i = sub.add_parser("import", help=f"导入已发布的报告（{help_list()}）")
    i.add_argument("src", metavar="SRC")
    i.add_argument("-o", "--output", required=True, metavar="OUT.nianbao")
    i.add_argument("--force", action="store_true", help="输出文件只读时仍替换")
    n = sub.add_parser("new", help="从上年报告新建本年度报告")
    n.add_argument("--from-prior", required=True, metavar="LAST")
    n.add_argument("-o", "--output", required=True, metavar="NEW.nianbao")
    n.add_argument("--force", action="store_true", help="输出文件只读时仍替换")
    _export_parser(sub)
    d = sub.add_parser("draft", help="按表格数字生成正文段落（依申请公开、复议诉讼、规范性文件、信息处理费）")
    d.add_argument("file", metavar="FILE")
    d.add_argument("--section", choices=("s1", "s6"), help="只生成第一部分（s1）或第六部分（s6）")
    d.add_argument("--write", action="store_true", help="把段落写入文件的正文（已生成的段落就地更新，其余文字不变）")
    b = sub.add_parser("batch", help="批量校核一个或多个文件夹中的报告，生成总览、问题清单和汇总表")
    b.add_argument("paths", nargs="+", metavar="PATH", help="报告文件或文件夹（含子文件夹）")
    b.add_argument("-o", "--output", metavar="SUMMARY.xlsx", help="汇总表（Excel）")
    b.add_argument("--prior", metavar="DIR", help="上年报告所在文件夹（按机关名称对应，启用跨年度校核和同比）")
    b.add_argument("--json", action="store_true", help="以 JSON 输出")
    b.add_argument("--jobs", type=int, metavar="N", help="同时读取的进程数（默认：处理器核数）")
    return p


def _export_parser(sub: argparse._SubParsersAction) -> None:
    from export import TARGETS

    e = sub.add_parser("export", help="导出 " + " / ".join(t.label for t in TARGETS.values()))
    e.add_argument("file", metavar="FILE")
    for t in TARGETS.values():
        e.add_argument(f"--{t.kind}", metavar="OUT", help=f"导出 {t.label}（{t.suffix}）")
    e.add_argument("--force", action="store_true", help="有错误时仍导出（PDF、Word、网页标注草稿）")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」应写作 宽x高，如 1024x768") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"「{text}」超出范围（宽 320–8000，高 240–8000）")
    return w, h


def _window(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="nianbao", description="政府信息公开工作年度报告 编写与校核",
                                epilog="命令行：check / import / new / export / draft / batch，"
                                       "见 nianbao COMMAND --help")
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--screenshot", metavar="OUT.png", help="把窗口渲染为 PNG 后退出")
    p.add_argument("--size", metavar="WxH", type=_size, default=(1366, 768), help="截图的窗口大小，如 1024x768")
    args = p.parse_args(argv)
    if args.file:
        try:
            Path(args.file).stat()
        except OSError as e:  # missing, a symlink loop, no permission …
            from model.oserrors import file_problem

            _err(file_problem(args.file, e))
            return 2
    from gui.app import display_available, run

    if not args.screenshot and not display_available():
        _err(HEADLESS_HINT)
        return 2
    return run(args.file, args.screenshot, args.size)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in COMMANDS:
            args = _parser().parse_args(argv)
            handler = {"check": cmd_check, "import": cmd_import, "new": cmd_new, "export": cmd_export,
                       "draft": cmd_draft, "batch": cmd_batch}
            return handler[args.command](args)
        return _window(argv)
    except CliError as e:
        _err(str(e))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output piped into a program that stopped reading (「| head」): no traceback
        _silence_stdout()
        return 1


def _silence_stdout() -> None:
    """Python flushes stdout once more on exit; into the closed pipe that would fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # a frozen build: the importers' child process starts here
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
