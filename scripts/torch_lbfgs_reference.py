#!/usr/bin/env python3
"""PyTorch's L-BFGS with a strong-Wolfe line search on the one-shot problems dumped by LbfgsReferenceRun (issue 13).

Each problem is one letter learned one-shot: only its code (the LSTM's constant input, added to the model's default
style) is optimised on the paper's MSE, from the same start code the Java harness used. Prints the mean MSE after
torch.optim.LBFGS(lr=1, max_iter=B, max_eval=B, line_search_fn="strong_wolfe") and the evaluations it spent, and
checks the forward pass: the MSE of the Java result's code must equal the Java harness's MSE.

Usage (Debian: apt-get install python3-torch):
  java -cp model/target/classes:model/target/test-classes io.chargen.model.optim.LbfgsReferenceRun \
      models/paper.cgm data/splits/heldout 3 60 --dump /tmp/problems.json
  /usr/bin/python3 scripts/torch_lbfgs_reference.py /tmp/problems.json 60
"""
import json
import sys

import torch


def network(d):
    hidden = d["hidden"]
    lstm = torch.nn.LSTM(hidden, hidden, bias=False, batch_first=True)
    out = torch.nn.Linear(hidden, 4, bias=False)
    with torch.no_grad():
        lstm.weight_ih_l0.copy_(torch.tensor(d["w_ih"]).view(4 * hidden, hidden))
        lstm.weight_hh_l0.copy_(torch.tensor(d["w_hh"]).view(4 * hidden, hidden))
        out.weight.copy_(torch.tensor(d["w_out"]).view(4, hidden))
    for p in list(lstm.parameters()) + list(out.parameters()):
        p.requires_grad_(False)
    style = torch.tensor(d["style"])

    def mse(code, target):
        z = (code + style).expand(1, target.shape[0], hidden)
        h, _ = lstm(z)
        return ((out(h)[0] - target) ** 2).mean()

    return mse


def main(path, budget):
    torch.set_num_threads(1)
    d = json.load(open(path))
    mse = network(d)
    total, java_total, check, evaluations = 0.0, 0.0, 0.0, 0
    for problem in d["problems"]:
        target = torch.tensor(problem["example"]).view(-1, 4)
        code = torch.tensor(problem["start"]).requires_grad_(True)
        optimiser = torch.optim.LBFGS([code], lr=1, max_iter=budget, max_eval=budget,
                                      line_search_fn="strong_wolfe")
        count = [0]

        def closure():
            optimiser.zero_grad()
            loss = mse(code, target)
            loss.backward()
            count[0] += 1
            return loss

        optimiser.step(closure)
        with torch.no_grad():
            total += float(mse(code, target))
            check = max(check, abs(float(mse(torch.tensor(problem["java_code"]), target)) - problem["java_mse"]))
        java_total += problem["java_mse"]
        evaluations += count[0]
    n = len(d["problems"])
    print(f"PyTorch L-BFGS (strong Wolfe), max_eval {budget}: mean MSE {total / n:.5f} over {n} letters, "
          f"{evaluations / n:.1f} evaluations per letter; Java: {java_total / n:.5f}; "
          f"forward check |torch - java| <= {check:.1e}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
