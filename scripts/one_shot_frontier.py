#!/usr/bin/env python3
"""Draws docs/figures/one-shot-frontier.svg from the candidate tables of docs/one-shot.md (issue 13).

Every candidate measured on the 52 training writers is one point: x = regenerations / their target
(0.95 x the ceiling 0.800), y = 0.75/0.25 blends nearer their dominant letter / 0.90; the colour is
variants at SD 0.03 / their target. The targets are met where all three reach 1 (the top-right
quadrant, green). Standard library only:  python3 scripts/one_shot_frontier.py
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "one-shot.md"
TARGET = ROOT / "docs" / "figures" / "one-shot-frontier.svg"
CEILING = 0.800  # training writers' real instances 1-4 (docs/one-shot.md)
GOAL = 0.95 * CEILING
BLEND_GOAL = 0.90


def candidates(text):
    """(name, regeneration, variants at SD 0.03, nearer dominant) of every training-writer table row."""
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 5 or not re.fullmatch(r"\*{0,2}0\.\d+\*{0,2}", cells[2]):
            continue
        variants = [v.strip("* ") for v in cells[3].split("/")]
        if len(variants) != 3:
            continue
        name = re.sub(r"[`*]", "", cells[0]).split(" (")[0].split(" = ")[-1]
        try:
            rows.append((name, float(cells[2].strip("*")), float(variants[1]), float(cells[4].strip("*"))))
        except ValueError:
            continue
    return rows


def colour(ratio):
    """Red below 0.85 of the variants target, through yellow, to green at 1."""
    t = max(0.0, min(1.0, (ratio - 0.85) / 0.15))
    return "#%02x%02x30" % (int(220 * (1 - t) + 40 * t), int(60 + 140 * t))


def svg(rows):
    w, h, m = 640, 480, 60
    lo, hi = 0.60, 1.10  # x: regenerations / target
    ylo, yhi = 0.80, 1.10  # y: blends / target
    sx = lambda v: m + (v - lo) / (hi - lo) * (w - 2 * m)
    sy = lambda v: h - m - (v - ylo) / (yhi - ylo) * (h - 2 * m)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<rect x="{sx(1)}" y="{sy(yhi)}" width="{sx(hi) - sx(1)}" height="{sy(1) - sy(yhi)}" fill="#e6f4e6"/>',
           f'<text x="{w / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">'
           'One-shot candidates on the 52 training writers (issue 13)</text>']
    for v in [0.6, 0.7, 0.8, 0.9, 1.0, 1.1]:
        out.append(f'<line x1="{sx(v)}" y1="{sy(ylo)}" x2="{sx(v)}" y2="{sy(yhi)}" stroke="#ddd"/>')
        out.append(f'<text x="{sx(v)}" y="{h - m + 16}" text-anchor="middle">{v:.1f}</text>')
    for v in [0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1]:
        out.append(f'<line x1="{sx(lo)}" y1="{sy(v)}" x2="{sx(hi)}" y2="{sy(v)}" stroke="#ddd"/>')
        out.append(f'<text x="{m - 6}" y="{sy(v) + 4}" text-anchor="end">{v:.2f}</text>')
    out.append(f'<line x1="{sx(1)}" y1="{sy(ylo)}" x2="{sx(1)}" y2="{sy(yhi)}" stroke="#2a2" stroke-dasharray="4"/>')
    out.append(f'<line x1="{sx(lo)}" y1="{sy(1)}" x2="{sx(hi)}" y2="{sy(1)}" stroke="#2a2" stroke-dasharray="4"/>')
    out.append(f'<text x="{w / 2}" y="{h - 18}" text-anchor="middle">regenerations recognised / target (0.95 × ceiling)</text>')
    out.append(f'<text transform="translate(16 {h / 2}) rotate(-90)" text-anchor="middle">'
               '0.75/0.25 blends nearer their dominant letter / 0.90</text>')
    last_default = max(i for i, r in enumerate(rows) if r[0] == "fast")  # the latest measurement of the default
    for i, (name, regen, variants, blends) in enumerate(rows):
        x, y = sx(regen / GOAL), sy(blends / BLEND_GOAL)
        default = i == last_default
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{7 if default else 5}" fill="{colour(variants / GOAL)}" '
                   f'stroke="{"black" if default else "none"}"><title>{name}: regenerations {regen}, variants '
                   f'(SD 0.03) {variants}, blends {blends}</title></circle>')
        if default:
            out.append(f'<text x="{x + 9:.1f}" y="{y - 6:.1f}" font-weight="bold">fast (default)</text>')
    lx, ly = m + 10, h - m - 30
    out.append(f'<text x="{lx}" y="{ly}">colour: variants (SD 0.03) / target</text>')
    for i, r in enumerate([0.85, 0.9, 0.95, 1.0]):
        out.append(f'<circle cx="{lx + 8 + i * 38}" cy="{ly + 14}" r="5" fill="{colour(r)}"/>')
        out.append(f'<text x="{lx + 16 + i * 38}" y="{ly + 18}" font-size="10">{r:.2f}</text>')
    out.append(f'<text x="{sx(1) + 6}" y="{sy(yhi) + 14}" fill="#2a2">targets met</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    rows = candidates(SOURCE.read_text(encoding="utf-8"))
    TARGET.write_text(svg(rows), encoding="utf-8")
    print(f"{len(rows)} candidates -> {TARGET.relative_to(ROOT)}")
