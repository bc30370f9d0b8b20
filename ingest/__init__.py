"""Read a published report from whatever the clerk has (.nianbao, Excel, Word, PDF, text, web page).

    read_report(path) -> ImportResult     the file kind is found from its content, not its name
    read_text(text, name) -> ImportResult  text pasted from a web page or a PDF-to-text tool
    IngestError                            a file that cannot be read at all (one Chinese line)

ImportResult.report is the Report; .problems lists what could not be read or had to be decided;
.summary() is the text to show before the report is used.
"""
from .api import read_report, read_text
from .result import ImportProblem, ImportResult, IngestError

__all__ = ["read_report", "read_text", "ImportResult", "ImportProblem", "IngestError"]
