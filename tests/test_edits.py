"""The edit model: applying edits and mapping positions back to the original text."""

import random

from textfix.edits import Edit, LineIndex, SourceMap, apply_edits, check_edits


def edit(start, end, replacement):
    return Edit(start, end, replacement, rule="test")


def test_overlapping_and_out_of_range_edits_are_dropped():
    edits = check_edits([edit(4, 8, "x"), edit(2, 6, "y"), edit(9, 12, "z"), edit(8, 9, "")], 10)
    assert [(e.start, e.end) for e in edits] == [(2, 6), (8, 9)]


def test_apply_edits_in_one_pass():
    text = "it &#39;s a  test"
    edits = check_edits([edit(2, 9, "'s"), edit(11, 13, " ")], len(text))
    assert apply_edits(text, edits) == "it's a test"


def test_positions_map_back_after_several_rounds():
    original = "Home\n\nIt &#x 27; s here .\nEnd"
    source = SourceMap.identity(len(original))
    text = original
    # round 1: decode the entity debris; round 2: remove the space before the stop
    first = [edit(text.index(" &#x 27; "), text.index(" &#x 27; ") + len(" &#x 27; "), "'")]
    source = source.after_edits(first)
    text = apply_edits(text, first)
    assert text == "Home\n\nIt's here .\nEnd"
    stop = text.index(" .")
    second = [edit(stop, stop + 1, "")]
    assert source.to_original(stop, stop + 1) == (original.index(" ."), original.index(" .") + 1)
    source = source.after_edits(second)
    text = apply_edits(text, second)
    assert text == "Home\n\nIt's here.\nEnd"
    # "End" still maps to its own place in the original, and the apostrophe to the debris it replaced
    end = text.index("End")
    assert source.to_original(end, end + 3) == (original.index("End"), original.index("End") + 3)
    apostrophe = text.index("'")
    o_start, o_end = source.to_original(apostrophe, apostrophe + 1)
    assert original[o_start:o_end] == " &#x 27; "


def test_random_edits_keep_unchanged_text_aligned():
    rng = random.Random(7)
    for _ in range(200):
        original = "".join(rng.choice("ab c\n") for _ in range(rng.randint(0, 60)))
        text, source = original, SourceMap.identity(len(original))
        for _round in range(3):
            edits = []
            for _ in range(rng.randint(0, 5)):
                start = rng.randint(0, len(text))
                end = min(len(text), start + rng.randint(0, 4))
                edits.append(edit(start, end, rng.choice(["", "X", "YY", "ZZZ"])))
            edits = check_edits(edits, len(text))
            source = source.after_edits(edits)
            text = apply_edits(text, edits)
        # Every character that came through verbatim maps to the same character in the original.
        for piece in source.pieces:
            if piece.exact:
                assert text[piece.cur : piece.cur_end] == original[piece.orig : piece.orig_end]
        for pos in range(len(text)):
            o_start, o_end = source.to_original(pos, pos + 1)
            assert 0 <= o_start <= o_end <= len(original)


def test_the_unedited_maps_shortcuts_agree_with_the_general_path():
    from textfix.edits import _Piece

    rng = random.Random(11)
    for _ in range(200):
        text = "".join(rng.choice("ab c\n") for _ in range(rng.randint(0, 60)))
        shortcut = SourceMap.identity(len(text))
        general = SourceMap([_Piece(0, len(text), 0, len(text), True)])  # same map, not flagged
        general._index()
        edits = check_edits(
            [edit(s, min(len(text), s + rng.randint(0, 4)), rng.choice(["", "X", "YY"]))
             for s in (rng.randint(0, len(text)) for _ in range(rng.randint(0, 6)))],
            len(text),
        )
        for start in range(len(text) + 1):
            for end in range(start, min(len(text), start + 3) + 1):
                assert shortcut.to_original(start, end) == general.to_original(start, end)
        assert shortcut.after_edits(edits).pieces == general.after_edits(edits).pieces


def test_line_index_positions_are_one_based():
    index = LineIndex("ab\ncd\n\nef")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 2)
    assert index.position(7) == (4, 1)
