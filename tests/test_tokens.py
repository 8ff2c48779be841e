from hypothesis import given, strategies as st

from restore.tokens import count_words, is_bare_span, is_sentence_start, tokenize, words


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
