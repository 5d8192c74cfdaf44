package io.chargen.launcher;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** Heap readings for the chaos report: used after a full GC (what is really kept), and the peak seen. */
final class ChaosHeap {
  private static final long MB = 1024 * 1024;

  private ChaosHeap() {}

  /** @return heap used after a full GC, MB */
  static long usedAfterGcMb() {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed() / MB;
  }

  /** @return the heap limit (-Xmx), MB */
  static long maxMb() {
    return Runtime.getRuntime().maxMemory() / MB;
  }
}
