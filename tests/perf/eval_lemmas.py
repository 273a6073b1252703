"""Recall and precision of Russian query words, Snowball alone vs dictionary lemmas
(issue 11 item 2), on the shared corpus's Russian and English text folders.

Relevance was judged by reading: for each query, the word forms that mean the same
thing (the forms of its lemma; not derived words such as судья for суд or транзитный for
транзит) are listed as a regular expression over folded words. Two levels are scored:
forms (which indexed words a query expands to) and documents (which documents it finds).

    CASEFILE_CORPUS=/work/shared/corpus python -m tests.perf.eval_lemmas [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from pathlib import Path

QUERIES: dict[str, str] = {
    "суд": r"суд(а|у|ом|е|ы|ов|ам|ами|ах)?",
    "судья": r"суд(ья|ьи|ье|ью|ьей|ьею|ьям|ьями|ьях|ей)",
    "Газпром": r"газпром(а|у|ом|е)?",
    "транзит": r"транзит(а|у|ом|е|ы|ов|ам|ами|ах)?",
    "Очумелову": r"очумелов(а|у|ым|е)?",
    "Нехлюдову": r"нехлюдов(а|у|ым|е|ы|ых|ыми)?",
    "Масловой": r"маслов(а|ой|ою|у|ы)",
    "Катюшей": r"катюш(а|и|е|у|ей|ею)",
    "тюрьма": r"тюрьм(а|ы|е|у|ой|ою|ам|ами|ах)|тюрем",
    "присяжный": r"присяжн(ый|ого|ому|ым|ом|ая|ой|ую|ое|ые|ых|ыми|ым)",
    "гайкам": r"гайк(а|и|е|у|ой|ою|ам|ами|ах)|гаек",
    "чиновнику": r"чиновник(а|у|ом|е|и|ов|ам|ами|ах)?",
    "собаке": r"собак(а|и|е|у|ой|ою|ам|ами|ах)?",
    "генерал": r"генерал(а|у|ом|е|ы|ов|ам|ами|ах)?",
    "дело": r"дел(о|а|у|е|ом|ам|ами|ах)?",
    "поток": r"поток(а|у|ом|е|и|ов|ам|ами|ах)?",
    "Европа": r"европ(а|ы|е|у|ой|ою)",
    "газопровод": r"газопровод(а|у|ом|е|ы|ов|ам|ами|ах)?",
    "сделка": r"сделк(а|и|е|у|ой|ою|ам|ами|ах)|сделок",
    "санкция": r"санкци(я|и|ю|ей|ею|й|ям|ями|ях)",
    "Ростов": r"ростов(а|у|ом|е)?",
    "кредит": r"кредит(а|у|ом|е|ы|ов|ам|ами|ах)?",
}


def _score(got: set[str], want: set[str]) -> tuple[float, float]:
    tp = len(got & want)
    precision = tp / len(got) if got else 1.0
    recall = tp / len(want) if want else 1.0
    return precision, recall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    from casefile.core import services
    from casefile.core.search import query as qmod
    from casefile.core.search.analysis import iter_words
    from casefile.core.search.case_index import attach

    corpus = Path(os.environ.get("CASEFILE_CORPUS", "../shared/corpus"))
    tmp = Path(tempfile.mkdtemp())
    case = services.create_case(tmp / "eval.casefile")
    services.import_paths(case, [corpus / "ru", corpus / "txt"])
    services.ensure_index(case)
    # Each document's folded words (the ground truth is read from the text itself).
    words_of: dict[str, set[str]] = {}
    for uid in services.document_uids(case):
        d = services.get_document(case, uid)
        words: set[str] = set()
        for n in range(1, (d.page_count or 0) + 1):
            words |= {w for _s, _e, w in iter_words(services.get_page(case, uid, n).text or "")}
        words_of[uid] = words
    vocab = set().union(*words_of.values())
    si = attach(case)
    report: dict[str, object] = {"documents": len(words_of), "queries": {}}
    totals = {}
    for mode, lemmas in (("snowball", False), ("lemmas", True)):
        qmod.USE_LEMMAS = lemmas
        fp = fr = dp = dr = 0.0
        for q, pattern in QUERIES.items():
            rx = re.compile(rf"(?:{pattern})")
            want_forms = {w for w in vocab if rx.fullmatch(w)}
            want_docs = {u for u, ws in words_of.items() if ws & want_forms}
            with si.lock:
                parser = qmod.CaseParser(si.searcher().reader())
                got_forms = set(parser.forms("text", q))
            got_forms &= vocab
            got_docs = {h.uid for h in services.search(case, q, limit=1000).hits}
            p1, r1 = _score(got_forms, want_forms)
            p2, r2 = _score(got_docs, want_docs)
            fp, fr, dp, dr = fp + p1, fr + r1, dp + p2, dr + r2
            report["queries"].setdefault(q, {})[mode] = {  # type: ignore[union-attr]
                "forms_found": sorted(got_forms),
                "forms_missed": sorted(want_forms - got_forms),
                "forms_wrong": sorted(got_forms - want_forms),
                "docs": [len(got_docs & want_docs), len(got_docs), len(want_docs)],
            }
        n = len(QUERIES)
        totals[mode] = {
            "form_precision": round(fp / n, 3),
            "form_recall": round(fr / n, 3),
            "doc_precision": round(dp / n, 3),
            "doc_recall": round(dr / n, 3),
        }
    report["macro_average"] = totals
    case.close()
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(text)
    print(json.dumps(totals, indent=1))


if __name__ == "__main__":
    main()
