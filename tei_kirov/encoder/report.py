"""The ``--report`` listing: what each pass found, item by item, with its source line, so a
user can check an edition against the text in minutes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportItem:
    """One finding: its kind (``division``, ``note``, ``date``, ``name``, ``uncertain``,
    ``paragraph``, ``producer``, ...), the 1-based source line (0 when unknown), the text it
    was read from, the value given to it and a remark."""

    kind: str
    line: int
    text: str
    value: str = ""
    note: str = ""

    def render(self) -> str:
        """``line NN  kind  text -> value  (note)`` on one line."""
        where = f"line {self.line}" if self.line else "line ?"
        text = " ".join(self.text.split())
        if len(text) > 70:
            text = text[:67] + "..."
        out = f"{where:>10}  {self.kind:<10} {text}"
        if self.value:
            out += f"  -> {self.value}"
        if self.note:
            out += f"  ({self.note})"
        return out


@dataclass
class Findings:
    """The items of one encoding run, in the order the passes added them."""

    items: list[ReportItem] = field(default_factory=list)

    def add(self, kind: str, line: int, text: str, value: str = "", note: str = "") -> None:
        self.items.append(ReportItem(kind, line, text, value, note))

    def of_kind(self, kind: str) -> list[ReportItem]:
        return [i for i in self.items if i.kind == kind]

    def render(self) -> str:
        """All items grouped by kind (kinds in first-seen order), each group by line."""
        kinds: list[str] = []
        for item in self.items:
            if item.kind not in kinds:
                kinds.append(item.kind)
        lines: list[str] = []
        for kind in kinds:
            group = sorted(self.of_kind(kind), key=lambda i: i.line)
            lines.append(f"{kind} ({len(group)}):")
            lines += [item.render() for item in group]
        return "\n".join(lines)
