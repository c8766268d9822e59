"""What every analysis must hold: each point earned or lost resolves to a place or finding."""

from __future__ import annotations

from resume_lessons.core.analyze import Analysis


def assert_every_point_is_explained(analysis: Analysis) -> None:
    """Every point earned names a real place, every point lost a real finding that costs it,
    and a technique at 100 has no finding left that costs points."""
    places = {i.location for i in analysis.items} | {"skills", "publications", "work"}
    places |= {f"skills[{i}]" for i in range(len(analysis.resume.skills))}
    places |= {f"work[{i}]" for i in range(len(analysis.resume.work))}
    places |= {f"projects[{i}]" for i in range(len(analysis.resume.projects))}
    for code, result in analysis.results.items():
        for line in result.checklist:
            if line.earned > 0:
                assert line.evidence in places, (code, line)
            if not line.passed:
                blamed = [f for f in result.findings if f.code == line.code]
                assert blamed, f"{code}: {line.label} lost {line.lost} with no {line.code} finding"
        lost = sum(line.lost for line in result.checklist)
        assert (
            abs(sum(f.points for f in result.findings) - lost) <= 0.01 * len(result.findings) + 0.01
        )
        if result.score == 100:
            assert not result.costs, (code, result.costs)
