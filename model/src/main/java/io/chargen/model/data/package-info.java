/**
 * The DigiLeTs handwriting data (data/README.md): raw pen points and samples, the file reader, selections for the
 * evaluation protocol, and the paper's authors' transform to the network's (dx, dy, pressure, stroke) sequences.
 *
 * <p>Data facts worth knowing (measured on the shipped 8,450 samples): after the transform letters have 6 to 208
 * steps (median 26); 27 samples end in a one-point stroke (mostly the dot of i or j) that the transform's
 * "drop the last point" removes, as in the authors' code; 10 points carry a slightly negative pressure (down to
 * −0.16), which is kept, not clipped; about 11 % of steps repeat the previous position (dx = dy = 0); no sample
 * has all dx, dy zero.
 */
package io.chargen.model.data;
