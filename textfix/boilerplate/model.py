"""The learned line model: the chance that a line is the page's main text, from its features
(:mod:`.features`).

A logistic regression trained by ``tools/train_boilerplate_model.py`` on the train half of the
dev sets only (dirty pages, and their gold bodies as input, so that clean text learns to stay);
the file ``textfix/data/boilerplate-model.json`` holds its weights, its threshold and the recipe
that made it. Pure Python at run time: a dot product per line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from math import exp
from operator import mul

from .features import NAMES

MODEL_FILE = "boilerplate-model.json"


@dataclass(frozen=True)
class LineModel:
    weights: tuple[float, ...]
    bias: float
    keep_threshold: float  # a line the context rules would remove stays at or above this chance

    def main_probability(self, vector: list[float]) -> float:
        """The chance that the line with this feature vector is main text.

        >>> LineModel((1.0, -1.0), 0.0, 0.5).main_probability([2.0, 2.0])
        0.5
        """
        z = self.bias + sum(map(mul, self.weights, vector))
        return 1 / (1 + exp(-z)) if z > -500 else 0.0


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The shipped model; its feature names must be the ones :mod:`.features` computes."""
    data = json.loads(resources.files("textfix").joinpath("data", MODEL_FILE).read_text(encoding="utf-8"))
    if tuple(data["features"]) != NAMES:
        raise ValueError(f"{MODEL_FILE}: its features are not the ones textfix computes; retrain it")
    return LineModel(tuple(data["weights"]), data["bias"], data["keep_threshold"])
