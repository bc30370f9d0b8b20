"""RTF (what many older web systems export as 「.doc」, and Word's 「RTF 格式」): paragraphs and table cells.
Text comes as \\uN (with \\ucN fallback characters to skip) or as \\'hh bytes in the font's or the document's
code page (GBK for Chinese).  A row's cells end with \\cell, the row with \\row; the \\cellx edges and the
\\clvmrg / \\clmrg merge flags go through the same grid as the .doc reader's, so a merged cell counts once."""
from __future__ import annotations

import re

from ..result import IngestError
from .doc_props import Para, RowDef
from .doc_tables import TableBuilder

MAX_DEPTH = 1000
MAX_ITEMS = 200_000
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word, its number, its delimiting space
                    rb"|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|[\r\n]+|([^\\{}\r\n]+)", re.DOTALL)
# destinations whose text is not the document's (a \* destination is skipped too)
_SKIP = {"fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
         "footer", "footerl", "footerr", "footerf", "footnote", "annotation", "fldinst", "xmlnstbl", "listtable",
         "listoverridetable", "rsidtbl", "generator", "themedata", "colorschememapping", "datastore", "latentstyles",
         "pgdsctbl", "filetbl", "revtbl", "shppict", "nonshppict", "shp", "atnid", "atnauthor", "xe", "tc", "template",
         "userprops", "docvar", "objdata", "blipuid", "sp", "sn", "sv", "ftnsep", "ftnsepc", "aftnsep", "aftnsepc"}
_SYMBOL = {"emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’", "ldblquote": "“",
           "rdblquote": "”", "tab": "\t", "line": "\n", "emspace": " ", "enspace": " ", "qmspace": " "}
_ESCAPED = {"~": " ", "_": "-", "-": "", "\\": "\\", "{": "{", "}": "}", "\n": "\n", "\r": "\n"}
_CHARSET_CODEPAGE = {128: "cp932", 129: "cp949", 134: "gbk", 136: "big5", 161: "cp1253", 162: "cp1254",
                     177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250"}


def read_rtf(path: str, name: str) -> tuple[str, list[tuple], None]:
    with open(path, "rb") as fh:
        data = fh.read()
    return ("doc", RtfReader(name).read(data), None)


class _Group:
    __slots__ = ("skip", "uc", "font", "intbl", "fonttbl", "listtext")

    def __init__(self) -> None:
        self.font: int | None = None
        self.skip, self.uc, self.intbl, self.fonttbl, self.listtext = False, 1, False, False, False

    def copy(self) -> _Group:
        g = _Group()
        g.skip, g.uc, g.font, g.intbl, g.fonttbl, g.listtext = (self.skip, self.uc, self.font, self.intbl,
                                                                 self.fonttbl, self.listtext)
        return g


class RtfReader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.codepage = "cp1252"
        self.fonts: dict[int, str] = {}
        self.default_font: int | None = None
        self.group = _Group()
        self.stack: list[_Group] = []
        self.text: list[str] = []
        self.pending = bytearray()  # \'hh bytes not yet decoded
        self.fallback = 0  # characters still to skip after a \uN
        self.list_start = 0  # where the text of the current list number starts in self.text
        self.items: list[tuple] = []
        self.tables = TableBuilder()
        self.row = RowDef([0], [], [])
        self.cell_flags = (False, False)  # (vertical, horizontal) merge of the next \cellx

    def read(self, data: bytes) -> list[tuple]:
        if not data.startswith(b"{\\rtf"):
            raise IngestError(f"{self.name}：RTF 文件已损坏（文件头无效）")
        pos, end = 0, len(data)
        while pos < end:
            m = _TOKEN.match(data, pos)
            if m is None:  # a lone backslash at the very end
                break
            pos = m.end()
            pos = self._token(m, data, pos)
        self._paragraph_end(final=True)
        return self.items

    def _token(self, m: re.Match[bytes], data: bytes, pos: int) -> int:
        word, arg, hexbyte, symbol, brace, text = m.groups()
        if brace:
            self._brace(brace)
        elif word:
            return self._control(word.decode("ascii"), int(arg) if arg else None, data, pos)
        elif hexbyte:
            self._byte(int(hexbyte, 16))
        elif symbol:
            self._symbol(symbol.decode("latin-1"))
        elif text:
            self._text(text)
        return pos

    # ------------------------------------------------------------- groups and text

    def _brace(self, brace: bytes) -> None:
        self._flush()
        if brace == b"{":
            if len(self.stack) >= MAX_DEPTH:
                raise IngestError(f"{self.name}：RTF 文件嵌套过深，可能已损坏")
            self.stack.append(self.group)
            self.group = self.group.copy()
        elif self.stack:
            closed, self.group = self.group, self.stack.pop()
            if closed.listtext and not self.group.listtext:  # the number alone, without the spaces around it
                self.text[self.list_start:] = ["".join(self.text[self.list_start:]).strip()]

    def _text(self, raw: bytes) -> None:
        if self.fallback:
            skipped = min(self.fallback, len(raw))
            raw, self.fallback = raw[skipped:], self.fallback - skipped
        if self.group.skip or not raw:
            return
        if raw.isascii():
            self._flush()
            self.text.append(raw.decode("ascii"))
        else:  # 8-bit text written unescaped: bytes in the code page, like \'hh
            self.pending.extend(raw)

    def _byte(self, value: int) -> None:
        if self.fallback:
            self.fallback -= 1
        elif not self.group.skip:
            self.pending.append(value)

    def _flush(self) -> None:
        if self.pending:
            self.text.append(bytes(self.pending).decode(self._codepage(), errors="replace"))
            self.pending.clear()

    def _codepage(self) -> str:
        font = self.group.font if self.group.font is not None else self.default_font
        return self.fonts.get(font, self.codepage) if font is not None else self.codepage

    def _emit(self, s: str) -> None:
        if not self.group.skip:
            self._flush()
            self.text.append(s)

    def _symbol(self, symbol: str) -> None:
        if symbol == "*":
            self.group.skip = True
        elif symbol in ("\n", "\r"):
            self._paragraph_end()
        elif symbol in _ESCAPED:
            self._emit(_ESCAPED[symbol])

    # ------------------------------------------------------------- control words

    def _control(self, word: str, arg: int | None, data: bytes, pos: int) -> int:
        g = self.group
        if word == "bin":  # raw binary data follows: skip it, never read it as text
            return pos + max(0, arg or 0)
        if word == "u" and arg is not None:
            code = arg + 65536 if arg < 0 else arg  # RTF writes the upper half of 16 bits as negative numbers
            self._emit(chr(code) if 0 <= code < 0x110000 else "")
            self.fallback = g.uc
        elif word == "uc" and arg is not None:
            g.uc = max(0, arg)
        elif word in _SKIP:
            g.skip = True
            g.fonttbl = word == "fonttbl"
        elif word in ("listtext", "pntext"):
            g.listtext = True
            self._flush()
            self.list_start = len(self.text)
        elif word == "tab" and g.listtext:
            pass  # the tab after a list number: the number joins its text as in the .docx reader
        elif word in _SYMBOL:
            self._emit(_SYMBOL[word])
        else:
            self._structure(word, arg)
        return pos

    def _structure(self, word: str, arg: int | None) -> None:
        """Code pages, fonts, paragraphs, table rows and cells."""
        g = self.group
        if word == "ansicpg" and arg:
            self.codepage = f"cp{arg}" if arg != 936 else "gbk"
        elif word == "deff":
            self.default_font = arg
        elif word == "f":
            self._flush()
            g.font = arg
        elif word == "fcharset" and g.fonttbl and g.font is not None and arg in _CHARSET_CODEPAGE:
            self.fonts[g.font] = _CHARSET_CODEPAGE[arg]
        elif word == "plain":
            self._flush()
            g.font = None
        elif word in ("par", "sect", "page"):
            self._paragraph_end()
        elif word == "pard":
            g.intbl = False
        elif word == "intbl":
            g.intbl = True
        elif word in ("cell", "nestcell"):
            self._cell(word == "cell")
        elif word == "row":
            self._row()
        else:
            self._row_definition(word, arg)

    def _row_definition(self, word: str, arg: int | None) -> None:
        if word == "trowd":
            self.row = RowDef([0], [], [])
        elif word == "trleft" and arg is not None and not self.row.vmerged:
            self.row.bounds[0] = arg
        elif word in ("clvmrg", "clmrg"):
            v, h = self.cell_flags
            self.cell_flags = (True, h) if word == "clvmrg" else (v, True)
        elif word == "cellx" and arg is not None and len(self.row.bounds) < 64:
            self.row.bounds.append(arg)
            self.row.vmerged.append(self.cell_flags[0])
            self.row.hmerged.append(self.cell_flags[1])
            self.cell_flags = (False, False)

    # ------------------------------------------------------------- paragraphs and tables

    def _take_text(self) -> str:
        self._flush()
        text, self.text = "".join(self.text), []
        # characters beyond the BMP come as two \uN surrogates
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")

    def _paragraph_end(self, final: bool = False) -> None:
        if self.group.skip and not final:
            return
        text = self._take_text()
        if self.group.intbl and not final:
            self.tables.add(False, Para(in_table=True), text)
            return
        self.items.extend(self.tables.flush())
        if not final or text:
            self.items.extend(("line", line) for line in text.split("\n"))
        if len(self.items) > MAX_ITEMS:
            raise IngestError(f"{self.name}：RTF 文件内容过多，不是一份年度报告")

    def _cell(self, outer: bool) -> None:
        text = self._take_text()
        self.tables.add(outer, Para(in_table=True), text)

    def _row(self) -> None:
        self._take_text()
        row = RowDef(list(self.row.bounds), list(self.row.vmerged), list(self.row.hmerged))
        self.tables.add(True, Para(in_table=True, ttp=True, row=row), "")
