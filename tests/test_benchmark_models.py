"""The language models that benchmarks/compare_language_models.py puts behind the
decoder must answer everything the decoder asks of a model (the benchmark broke
once, silently, when the decoder began to score whole word sequences)."""

import doctest
import math

import restore
from restore.decoder import LanguageModelScorer
from restore.engine import Restorer
from restore.lm import OOV_LOGPROB, get_language_model

from conftest import load_benchmark

SENTENCES = [s.split() for s in (
    "it will be fine by june",
    "the council will vote on the budget next week",
    "there will be a new bus line to the airport",
    "officials have spent two years on the plan",
    "the route will run as far as the river port",
)]


def test_docstring_examples_of_the_benchmark_models():
    # (SymspellBigramModel's examples need symspellpy, which the tests do not install)
    bench = load_benchmark("compare_language_models")
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for model in (bench.BrownTrigramModel, bench.InterpolatedModel):
        for test in doctest.DocTestFinder().find(model, globs=vars(bench)):
            runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 5
    assert result.failed == 0


def test_sequence_logprob_is_the_sum_of_its_words():
    bench = load_benchmark("compare_language_models")
    model = bench.BrownTrigramModel.from_sentences(SENTENCES)
    words = ["will", "be", "fine"]
    expected = (model.logprob("will", "it", "<s>") + model.logprob("be", "will", "it")
                + model.logprob("fine", "be", "will"))
    assert math.isclose(model.sequence_logprob(words, "it", "<s>"), expected)


def test_kneser_ney_probabilities_sum_to_one_over_the_vocabulary():
    bench = load_benchmark("compare_language_models")
    model = bench.BrownTrigramModel.from_sentences(SENTENCES)
    vocabulary = list(model.words)
    for history in (("will", "it"), ("the", "<s>"), ("bus", "new")):
        total = sum(model.probability(w, *history) for w in vocabulary)
        # the smoothed lowest order keeps a little mass for unseen words
        assert 0.97 < total <= 1.0 + 1e-9, (history, total)
    assert model.logprob("volition", "will") == OOV_LOGPROB


def test_the_decoder_restores_with_a_benchmark_model_behind_it():
    bench = load_benchmark("compare_language_models")
    brown = bench.BrownTrigramModel.from_sentences(SENTENCES)
    mixed = bench.InterpolatedModel(get_language_model(), brown, 0.7)
    text = "It volition survive fine past times June."
    for model in (brown, mixed):
        restorer = Restorer(scorer=LanguageModelScorer(language_model=model))
        result = restorer.restore(text)
        assert isinstance(result, restore.Restoration)
        assert result.revert() == text
    # the mixture keeps pocketsphinx's vocabulary, so the strong forms still come back
    assert "volition" not in Restorer(scorer=LanguageModelScorer(language_model=mixed)).restore(text).text
