"""Write the synthetic sample data to data/ (deterministic: same seed, same files).

    python scripts/make_sample_data.py
"""
from __future__ import annotations

from pathlib import Path

from evaltools.data import synthetic, synthetic_survey

ROOT = Path(__file__).resolve().parents[1]


def write(df, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")
    print(f"wrote {path.relative_to(ROOT)} ({len(df)} rows)")


def main() -> None:
    d = ROOT / "data"
    write(synthetic.timra_participants(), d / "timra-vagen-ut" / "participants.csv")
    write(synthetic.timra_budget(), d / "timra-vagen-ut" / "budget.csv")
    esk = synthetic.eskilstuna_participants()
    write(esk, d / "eskilstuna-specialistteamet" / "participants.csv")
    write(synthetic.eskilstuna_payments(esk), d / "eskilstuna-specialistteamet" / "payments.csv")
    write(synthetic.eskilstuna_budget(), d / "eskilstuna-specialistteamet" / "budget.csv")
    demo = synthetic.demo_project()
    for name, df in demo.items():
        write(df, d / "kompassen-demo" / f"{name}.csv")
    write(synthetic.kompassen_budget(), d / "kompassen-demo" / "budget.csv")
    for name, df in synthetic.demo_register(demo["participants"], demo["comparison"]).items():
        write(df, d / "kompassen-demo" / f"{name}.csv")
    nasta = synthetic.nasta_steg_participants()
    write(nasta, d / "nasta-steg" / "participants.csv")
    write(synthetic_survey.participant_questions(), d / "nasta-steg" / "questions.csv")
    write(synthetic_survey.participant_responses(nasta), d / "nasta-steg" / "responses.csv")
    write(synthetic.nasta_steg_budget(), d / "nasta-steg" / "budget.csv")
    write(synthetic.samverkan_budget(), d / "samverkan-i-praktiken" / "budget.csv")
    write(synthetic_survey.samverkan_questions(), d / "samverkan-i-praktiken" / "questions.csv")
    write(synthetic_survey.samverkan_responses(), d / "samverkan-i-praktiken" / "responses.csv")
    for name, df in synthetic.needpeak_project().items():
        write(df, d / "sprangbradan-demo" / f"{name}.csv")
    write(synthetic.kompassen_budget(), d / "sprangbradan-demo" / "budget.csv")


if __name__ == "__main__":
    main()
