from tei_kirov.encoder.report import Findings, ReportItem


def test_items_are_grouped_by_kind_and_sorted_by_line():
    found = Findings()
    found.add("division", 40, "CHAPTER II", value="div type=chapter")
    found.add("division", 10, "CHAPTER I", value="div type=chapter")
    found.add("uncertain", 5, "BOSTON", note="kept as a paragraph")
    text = found.render()
    lines = text.splitlines()
    assert lines[0] == "division (2):" and "CHAPTER I " in lines[1] and "line 40" in lines[2]
    assert lines[3] == "uncertain (1):" and "(kept as a paragraph)" in lines[4]
    assert [i.line for i in found.of_kind("division")] == [40, 10]


def test_long_text_is_shortened_and_unknown_lines_marked():
    item = ReportItem("note", 0, "word " * 40)
    assert "line ?" in item.render() and "..." in item.render()
