"""Why a file could not be read or written, in Chinese: the one translation of OSError (and of the
parsers' own exceptions) for every message the clerk sees, from the command line, the window, the
importers and the exporters.  The system's English text (「Permission denied」) is never shown alone;
only for a cause not listed here does it follow the Chinese, as the detail."""
from __future__ import annotations

import errno

READ = "读取"
WRITE = "写入"

_BY_ERRNO = {
    errno.ENOENT: "文件不存在",
    errno.ELOOP: "是循环的符号链接（链接最终指向自己），无法打开",
    errno.EACCES: "没有{action}权限",
    errno.EPERM: "没有{action}权限",
    errno.EISDIR: "是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "所在磁盘是只读的，不能写入",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EIO: "磁盘读写出错（磁盘或 U 盘可能已损坏或已拔出）",
    errno.EMFILE: "同时打开的文件过多",
    errno.ENFILE: "同时打开的文件过多",
    errno.EINVAL: "文件名无效",
    errno.EFBIG: "文件过大",
    errno.ENXIO: "设备不存在或已拔出",
    errno.ENODEV: "设备不存在或已拔出",
}
for _name, _text in (("EDQUOT", "超出磁盘配额"), ("ETXTBSY", "文件正被其他程序使用"),
                     ("ESTALE", "网络文件已失效，请重新打开所在文件夹")):
    if hasattr(errno, _name):
        _BY_ERRNO[getattr(errno, _name)] = _text
_BY_WINERROR = {32: "文件正被其他程序打开（请先关闭 Excel、WPS 等）", 33: "文件的一部分被其他程序锁定",
                123: "文件名无效", 1920: "无法访问该文件"}


def describe(e: OSError, action: str = READ) -> str:
    """A short Chinese phrase for `e`: 「文件不存在」, 「没有写入权限」, 「磁盘空间不足」 …"""
    winerror = getattr(e, "winerror", None)
    if winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    if e.errno == errno.ENOENT and action == WRITE:
        return "所在文件夹不存在"
    text = _BY_ERRNO.get(e.errno) if e.errno is not None else None
    if text is not None:
        return text.format(action=action)
    detail = e.strerror or str(e) or type(e).__name__
    return f"无法{action}（系统错误 {e.errno}：{detail}）" if e.errno else f"无法{action}（{detail}）"


def file_problem(path: object, e: OSError, action: str = READ) -> str:
    """One line naming the file: 「报告.pdf：没有读取权限」."""
    return f"{path}：{describe(e, action)}"


def problem(e: BaseException, action: str = READ) -> str:
    """A Chinese phrase for any failure of a parser or writer (pdfminer's PdfminerException, an
    OverflowError …).  Reading, the file's content is what the clerk can act on; writing, anything
    unlisted is a fault of the program, and its name follows as the detail for whoever maintains it."""
    if isinstance(e, OSError):
        return describe(e, action)
    if isinstance(e, MemoryError):
        return "内存不足，文件过大或结构异常"
    if isinstance(e, RecursionError):
        return "结构嵌套过深"
    if isinstance(e, (OverflowError, ArithmeticError)):
        return "含有超出范围的数值"
    if isinstance(e, UnicodeError):
        return "含有无法识别的文字编码"
    if action == WRITE:
        return f"程序内部错误（详情：{type(e).__name__} {str(e)[:80]}）".replace(" ）", "）")
    return "内容已损坏或格式无法识别"
