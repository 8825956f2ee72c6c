"""What a validation run found: :class:`Issue`, :class:`Report` (one file) and
:class:`BatchReport` (a whole run), as pydantic models, plus the table of stable codes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

Severity = Literal["error", "warning"]
#: Which check found an issue: the grammar (and the layers below it: well-formedness,
#: XInclude, finding the schemas), a Schematron, or a semantic rule.
Source = Literal["schema", "schematron", "rule"]

#: Every code the validator can report, with a one-line description. Codes never change
#: meaning; new ones are only ever added. Semantic rules (TK2xx) live in ``rules``.
CODES: dict[str, str] = {
    "TK001": "the file is not well-formed XML",
    "TK002": "hostile or unsupported input refused (entity declarations, undefined entities)",
    "TK003": "the file is too large to be read safely",
    "TK004": "the file cannot be read (missing, a directory, no permission)",
    "TK100": "the document does not match the schema (other schema error)",
    "TK101": "an element is not allowed where it appears",
    "TK102": "an attribute is not allowed on its element",
    "TK103": "an element lacks required content (a required child element or text)",
    "TK104": "a required attribute is missing",
    "TK105": "an attribute or element value does not have the required form (datatype)",
    "TK106": "text is not allowed in this element",
    "TK107": "the root element is not one the schema allows",
    "TK108": "a schema the document names (<?xml-model?>) cannot be found locally; map its "
             "address to a local file with --catalog",
    "TK109": "a schema the document names cannot be used (an unsupported kind, not a "
             "schema, or it does not compile)",
    "TK110": "a Schematron assertion failed or a Schematron report fired",
    "TK301": "an xi:include names a file that does not exist or cannot be read, and has no "
             "xi:fallback",
    "TK302": "an xi:include names a file outside the permitted folder tree (absolute path, "
             "'..' escape or URL), and has no xi:fallback",
    "TK303": "an xi:include includes itself, directly or through other files",
    "TK304": "an xi:include uses a feature that is not supported (xpointer scheme, parse mode)",
    "TK305": "too many inclusions in one document (a guard against XInclude bombs)",
}


class Issue(BaseModel):
    """One problem, located as precisely as the source allows (1-based line and column)."""

    model_config = ConfigDict(frozen=True)

    file: str = Field(description="the file the problem is in (an included file when the "
                                  "problem is in XInclude'd content)")
    line: int | None = Field(default=None, description="1-based line, null when unknown")
    column: int | None = Field(default=None, description="1-based column, null when unknown")
    severity: Severity
    code: str = Field(pattern=r"^TK\d{3}$", description="stable code, see docs/validation.md")
    message: str
    hint: str | None = Field(default=None, description="what to do about it")
    xpath: str | None = Field(default=None, description="path of the element concerned, "
                                                       "local names with positions")
    source: Source = Field(default="schema", description="the check that found it: schema "
                           "(grammar, well-formedness, XInclude), schematron or rule")

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, line, column, then code."""
        return (self.file, self.line or 0, self.column or 0, self.code, self.message)

    def format(self) -> str:
        """Compiler-style one-line form: ``file:line:col: severity CODE: message``, then
        ``[hint: ...]`` unless the message already suggests a correction."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity} {self.code}: {self.message}"
        if self.hint and "did you mean" not in self.message:  # a suggestion is hint enough
            text += f" [hint: {self.hint}]"
        return text


class SchemaUse(BaseModel):
    """One schema a document was checked against, and why."""

    model_config = ConfigDict(frozen=True)

    path: str | None = Field(description="the local schema file; null when it was not found")
    kind: str | None = Field(default=None, description="rng, xsd or schematron (a Schematron "
                             "kind for a RELAX NG path: the Schematron embedded in it)")
    origin: Literal["declared", "default", "given"] = Field(
        description="declared: named by the document's <?xml-model?>; default: the document "
                    "names no schema, so the bundled TEI tei_all was used; given: --schema")
    href: str | None = Field(default=None, description="the address as the document wrote it")


class Report(BaseModel):
    """The result of validating one document."""

    file: str
    issues: list[Issue] = Field(default_factory=list)
    schemas: list[SchemaUse] = Field(default_factory=list,
                                     description="the schemas this file was checked against")
    seconds: float = Field(default=0.0, description="wall time spent on this file")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when no issue is an error (warnings do not make a file invalid)."""
        return not any(i.severity == "error" for i in self.issues)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def unreadable(self) -> bool:
        """True when the file could not be read at all (exit status 2 territory)."""
        return any(i.code == "TK004" for i in self.issues)


class Summary(BaseModel):
    """Totals of a run."""

    files: int
    valid: int
    invalid: int
    errors: int
    warnings: int
    seconds: float
    undeclared: int = Field(default=0, description="files that name no schema, checked "
                                                   "against the bundled TEI tei_all")


class BatchReport(BaseModel):
    """The machine-readable output of ``tei-kirov validate --format json``."""

    version: Literal[1] = 1
    schemas: list[str] = Field(description="every schema file some file was validated against "
                                           "(each file's own are in its entry)")
    files: list[Report]
    summary: Summary

    @classmethod
    def build(cls, reports: list[Report], schemas: list[str], seconds: float) -> BatchReport:
        """Assemble a batch report, files sorted by name."""
        reports = sorted(reports, key=lambda r: r.file)
        summary = Summary(
            files=len(reports),
            valid=sum(r.ok for r in reports),
            invalid=sum(not r.ok for r in reports),
            errors=sum(len(r.errors) for r in reports),
            warnings=sum(len(r.warnings) for r in reports),
            undeclared=sum(any(u.origin == "default" for u in r.schemas) for r in reports),
            seconds=round(seconds, 3),
        )
        return cls(schemas=schemas, files=reports, summary=summary)
