package io.chargen.model.data;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An immutable, ordered selection of DigiLeTs samples with the filters the evaluation protocol needs
 * (data/README.md, "Reference numbers"): train on "a–m of writers X", one-shot learn from "instance 0 of n–z of
 * writer w", classify "instances 1–4". Filters chain and keep the reader's order, e.g.
 * {@code data.writer(w).letters('n', 'z').instance(0)}.
 */
public final class DigiletsDataset {
  private final List<PenSample> samples;

  private DigiletsDataset(List<PenSample> samples) {
    this.samples = samples;
  }

  /**
   * @param samples the samples, e.g. from {@link DigiletsReader#read}; copied
   * @return the data set
   */
  public static DigiletsDataset of(List<PenSample> samples) {
    return new DigiletsDataset(List.copyOf(samples));
  }

  /** @return the samples in order; unmodifiable */
  public List<PenSample> samples() {
    return samples;
  }

  /** @return the number of samples */
  public int size() {
    return samples.size();
  }

  /** @return the distinct writer ids in order of first appearance */
  public List<String> writers() {
    Set<String> ids = new LinkedHashSet<>();
    samples.forEach(s -> ids.add(s.writer()));
    return List.copyOf(ids);
  }

  /**
   * @param writer a writer id, e.g. {@code 002-f-22-right}
   * @return the samples of that writer
   */
  public DigiletsDataset writer(String writer) {
    Objects.requireNonNull(writer, "writer");
    return filter(s -> s.writer().equals(writer));
  }

  /**
   * @param writers writer ids to keep
   * @return the samples of those writers
   */
  public DigiletsDataset writers(Collection<String> writers) {
    Set<String> keep = Set.copyOf(writers);
    return filter(s -> keep.contains(s.writer()));
  }

  /**
   * @param writers writer ids to drop, e.g. the held-out writers
   * @return the samples of all other writers
   */
  public DigiletsDataset excludingWriters(Collection<String> writers) {
    Set<String> drop = Set.copyOf(writers);
    return filter(s -> !drop.contains(s.writer()));
  }

  /**
   * Keeps letters in an inclusive range of character codes, e.g. {@code letters('a', 'm')}.
   *
   * @param first the first letter kept
   * @param last the last letter kept, not before {@code first}
   * @return the samples with a label in {@code first..last}
   * @throws IllegalArgumentException if {@code last < first}
   */
  public DigiletsDataset letters(char first, char last) {
    if (last < first) {
      throw new IllegalArgumentException("letter range is empty: '" + first + "'..'" + last + "'");
    }
    return filter(s -> s.label() >= first && s.label() <= last);
  }

  /**
   * @param instance the instance to keep, e.g. 0 for one-shot learning
   * @return the samples with that instance
   */
  public DigiletsDataset instance(int instance) {
    return instances(instance, instance);
  }

  /**
   * Keeps instances in an inclusive range, e.g. {@code instances(1, 4)} for classification.
   *
   * @param first the first instance kept, at least 0
   * @param last the last instance kept, not below {@code first}
   * @return the samples with an instance in {@code first..last}
   * @throws IllegalArgumentException if {@code first < 0} or {@code last < first}
   */
  public DigiletsDataset instances(int first, int last) {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("instance range must be 0 <= first <= last, got " + first + ".." + last);
    }
    return filter(s -> s.instance() >= first && s.instance() <= last);
  }

  /**
   * @param keep the condition a sample must meet
   * @return the samples meeting it
   */
  public DigiletsDataset filter(Predicate<PenSample> keep) {
    return new DigiletsDataset(samples.stream().filter(keep).toList());
  }

  /**
   * Looks up one sample.
   *
   * @param writer the writer id
   * @param letter the label
   * @param instance the instance
   * @return the sample
   * @throws NoSuchElementException if there is none; the message names writer, letter and instance
   */
  public PenSample sample(String writer, char letter, int instance) {
    return samples.stream()
        .filter(s -> s.writer().equals(writer) && s.label() == letter && s.instance() == instance)
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(
            "no sample of letter '" + letter + "', instance " + instance + " by writer '" + writer + "'"));
  }

  @Override
  public String toString() {
    return "DigiletsDataset[" + samples.size() + " samples, " + writers().size() + " writers]";
  }
}
