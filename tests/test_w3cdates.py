from tei_kirov.w3cdates import bounds, date_problems, w3c_error


def test_accepts_the_w3c_forms_tei_uses():
    for value in ("1934", "1934-12", "1934-12-28", "--12-17", "--12", "---17",
                  "1934-12-28T10:00:00", "10:00:00", "-0044-03-15", "2000-02-29", "1934Z"):
        assert w3c_error(value) is None, value


def test_rejects_malformed_and_impossible_values():
    for value in ("1934-13-45", "1934-12-1", "17 Dec 1934", "1926-27", "1934-02-30",
                  "1900-02-29", "0000", "", "1934-12-28T25:00:00"):
        assert w3c_error(value) is not None, value


def test_message_says_what_to_write():
    assert "YYYY-MM-DD" in w3c_error("17 Dec 1934")
    assert "month 13" in w3c_error("1934-13-01")


def test_bounds_cover_year_month_day():
    assert bounds("1934") == ((1934, 1, 1), (1934, 12, 31))
    assert bounds("1934-02") == ((1934, 2, 1), (1934, 2, 28))
    assert bounds("1934-12-28") == ((1934, 12, 28), (1934, 12, 28))
    assert bounds("--12-17") is None


def test_ranges_running_backwards_are_reported():
    assert date_problems(from_="1927", to="1926") == ["@from 1927 is later than @to 1926"]
    assert date_problems(from_="1926", to="1927") == []
    assert date_problems(not_before="1925-02", not_after="1925-01") != []
    assert date_problems(from_="1934-12", to="1934") == []  # overlapping is fine


def test_forbidden_combinations():
    assert any("cannot be combined" in p for p in date_problems(when="1934", from_="1933"))
    assert any("@from" in p for p in date_problems(from_="1933", not_before="1932"))
