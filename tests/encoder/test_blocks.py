from tei_kirov.encoder.blocks import split_blocks


def test_blocks_split_at_blank_lines_and_keep_inner_lines():
    blocks = split_blocks("\n\nTitle one\nline two\n\n \nPara  text.\n\n\nLast")
    assert [b.text for b in blocks] == ["Title one\nline two", "Para  text.", "Last"]
    assert [b.line for b in blocks] == [3, 7, 10]


def test_blocks_normalise_line_ends_and_bom():
    assert [b.text for b in split_blocks("\ufeffa\r\n\r\nb\rc")] == ["a", "b\nc"]


def test_no_blocks_in_blank_text():
    assert split_blocks(" \n\n \n") == []
