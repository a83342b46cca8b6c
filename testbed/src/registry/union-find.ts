/** Disjoint sets of string nodes (path halving, union by size): the truth's connected components. */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  add(node: string): void {
    if (this.parent.has(node)) return;
    this.parent.set(node, node);
    this.size.set(node, 1);
  }

  find(node: string): string {
    this.add(node);
    let current = node;
    for (;;) {
      const parent = this.parent.get(current)!;
      if (parent === current) return current;
      const grandparent = this.parent.get(parent)!;
      this.parent.set(current, grandparent);
      current = grandparent;
    }
  }

  join(a: string, b: string): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size.get(rootA)! < this.size.get(rootB)!) [rootA, rootB] = [rootB, rootA];
    this.parent.set(rootB, rootA);
    this.size.set(rootA, this.size.get(rootA)! + this.size.get(rootB)!);
  }

  nodes(): IterableIterator<string> {
    return this.parent.keys();
  }
}
