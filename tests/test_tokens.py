import sys

import regex
from hypothesis import given, strategies as st

from restore.tokens import (WORD_PATTERN, bare_word_spans, count_words, is_bare_span,
                            is_sentence_start, tokenize, words)


def test_tokens_cover_input_exactly():
    text = "\ufeffIt’s “well-nigh” 3 o'clock,\r\nΚαλημέρα 世界 🙂\t(Reuters)"
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    for previous, token in zip(tokens, tokens[1:]):
        assert previous.end == token.start
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_bare_words_have_no_punctuation_attached():
    tokens = [t for t in tokenize("China, said (Reuters) that it volition go") if t.kind == "word"]
    bare = {t.text: t.bare for t in tokens}
    assert bare == {"China": False, "said": True, "Reuters": False, "that": True,
                    "it": True, "volition": True, "go": True}


def test_internal_apostrophes_and_hyphens_stay_in_one_word():
    assert words("People’s well-nigh rock-and-roll o'clock") == [
        "People’s", "well-nigh", "rock-and-roll", "o'clock"]


def test_bare_span_and_sentence_start():
    text = "Done. Inward it, past times now"
    assert is_sentence_start(text, 6)
    assert not is_sentence_start(text, 13)
    assert is_bare_span(text, 17, 27)
    assert not is_bare_span(text, 13, 15)


def test_count_words_matches_tokenizer():
    text = "One, two; three-four\nfive’s"
    assert count_words(text) == len(words(text)) == 4


@given(st.text())
def test_tokenizer_is_lossless_on_any_text(text):
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(t.start < t.end for t in tokens)


def _bare_spans_slowly(text: str, low: int, high: int) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(WORD_PATTERN, text, pos=low, endpos=high)
            if is_bare_span(text, m.start(), m.end())]


@given(st.text(alphabet=st.sampled_from(list("ab’'-é1 \t\n\x1c\x85\u00a0\u2028\u200b,.(\u3000"))),
       st.integers(0, 40), st.integers(0, 40))
def test_bare_word_spans_keep_the_bare_matches(text, low, high):
    low, high = sorted((min(low, len(text)), min(high, len(text))))
    assert bare_word_spans(text, low, high) == _bare_spans_slowly(text, low, high)


def test_bare_word_spans_know_every_space_character():
    spaces = [code for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert max(spaces) < 0x3001  # the regex class of restore.tokens covers them all
    text = " ".join(f"a{chr(code)}b" for code in range(0x3001))
    assert bare_word_spans(text) == _bare_spans_slowly(text, 0, len(text))
