package io.chargen.model;

/**
 * One forward run of the network.
 *
 * @param output the generated steps (raw network output: dx, dy, pressure, stroke)
 * @param cell the LSTM cell state c of every step, T×H, or null when not asked for (Fabi et al. 2020, Sec. 3.5)
 * @param hidden the LSTM hidden state h of every step, T×H, or null when not asked for
 */
public record Rollout(StrokeSequence output, float[][] cell, float[][] hidden) {}
