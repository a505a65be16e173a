"""Write synthetic guide content of a given size, with real vocabulary, for benchmarks."""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import yaml

from guide_app import paths

_PER_AREA = (20, 10)  # actions and challenges per area


def vocabulary() -> list[str]:
    """Words from the shipped content, so synthetic text tokenises like the real thing."""
    text = " ".join(p.read_text(encoding="utf-8") for p in paths.content_dir().rglob("*.yaml"))
    return sorted(set(re.findall(r"[a-z]{3,}", text.lower())))


def _text(rng: random.Random, vocab: list[str], words: int) -> str:
    sentences = []
    while words > 0:
        length = min(words, rng.randint(8, 18))
        sentence = " ".join(rng.choice(vocab) for _ in range(length))
        sentences.append(sentence.capitalize() + ".")
        words -= length
    return " ".join(sentences)


def write(root: Path, nodes: int, seed: int = 26) -> Path:
    """Write a content folder of about `nodes` nodes under `root` and return it."""
    rng = random.Random(seed)
    vocab = vocabulary()
    if root.exists():
        shutil.rmtree(root)
    for folder in ("areas", "examples", "evidence"):
        (root / folder).mkdir(parents=True)
    per_area = 1 + sum(_PER_AREA)
    areas = max(1, int(nodes * 0.8) // per_area)
    examples = max(1, int(nodes * 0.1))
    evidence = max(1, nodes - areas * per_area - examples - 20)
    sources = [{"id": "src-1", "title": "A source", "publisher": "A publisher"}]
    (root / "sources.yaml").write_text(yaml.safe_dump({"sources": sources}))
    example_ids = [f"example-{n}" for n in range(examples)]
    for example in example_ids:
        example_page = {
            "title": _text(rng, vocab, 6).rstrip("."),
            "summary": _text(rng, vocab, 25),
            "basis": "project",
            "sources": ["src-1"],
            "who": "A team",
            "where": "A place",
            "when": "2019",
            "what_they_did": _text(rng, vocab, 120),
            "what_happened": _text(rng, vocab, 80),
            "learning": _text(rng, vocab, 60),
        }
        (root / "examples" / f"{example}.yaml").write_text(yaml.safe_dump(example_page))
    area_ids = [f"area-{n}" for n in range(areas)]
    for n, area in enumerate(area_ids):
        page: dict[str, object] = {
            "title": _text(rng, vocab, 4).rstrip("."),
            "summary": _text(rng, vocab, 25),
            "basis": "editorial",
            "body": _text(rng, vocab, 200),
            "actions": [
                {
                    "id": f"{area}-action-{k}",
                    "title": _text(rng, vocab, 6).rstrip("."),
                    "summary": _text(rng, vocab, 20),
                    "body": _text(rng, vocab, 80),
                    "basis": "editorial",
                }
                for k in range(_PER_AREA[0])
            ],
            "challenges": [
                {
                    "id": f"{area}-challenge-{k}",
                    "title": _text(rng, vocab, 6).rstrip("."),
                    "summary": _text(rng, vocab, 20),
                    "basis": "editorial",
                    "overcoming": [_text(rng, vocab, 15), _text(rng, vocab, 15)],
                }
                for k in range(_PER_AREA[1])
            ],
            "examples": example_ids[n::areas] or [example_ids[n % examples]],
        }
        (root / "areas" / f"{area}.yaml").write_text(yaml.safe_dump(page))
    evidence_ids = [f"evidence-{n}" for n in range(evidence)]
    for evidence_id in evidence_ids:
        page = {
            "title": _text(rng, vocab, 5).rstrip("."),
            "summary": _text(rng, vocab, 25),
            "basis": "guidance",
            "sources": ["src-1"],
            "body": _text(rng, vocab, 250),
        }
        (root / "evidence" / f"{evidence_id}.yaml").write_text(yaml.safe_dump(page))
    principles = [
        {
            "id": f"principle-{p}",
            "title": f"Principle {p}",
            "summary": _text(rng, vocab, 20),
            "basis": "editorial",
            "helps": [example_ids[p % examples]],
            "criteria": [
                {
                    "id": f"principle-{p}-criterion-{c}",
                    "text": _text(rng, vocab, 12),
                    "helps": [example_ids[0]],
                }
                for c in range(3)
            ],
        }
        for p in range(5)
    ]
    (root / "principles.yaml").write_text(yaml.safe_dump({"principles": principles}))
    part = {"title": "Part", "summary": "A part."}
    guide = {
        "title": "Synthetic guide",
        "summary": "For benchmarks.",
        "edition": "0",
        "date": "2026-01-01",
        "review_due": "2027-01-01",
        "licence": "None.",
        "sections": dict.fromkeys(("about", "areas", "principles", "examples", "evidence"), part),
        "areas": area_ids,
        "examples": example_ids,
        "evidence": evidence_ids,
        "about": [
            {
                "id": "about-page",
                "title": "About",
                "summary": "About it.",
                "body": "Synthetic.",
                "basis": "editorial",
            }
        ],
    }
    (root / "guide.yaml").write_text(yaml.safe_dump(guide, sort_keys=False))
    return root


if __name__ == "__main__":
    target = write(Path(sys.argv[1]), int(sys.argv[2]))
    print(target)
