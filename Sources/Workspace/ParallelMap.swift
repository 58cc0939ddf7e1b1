/// Maps `0..<count` in parallel chunks over the cooperative thread pool (one thread per core),
/// returning results in index order.
public enum ParallelMap {
    public static func map<T: Sendable>(count: Int, chunk: Int = 4, _ body: @escaping @Sendable (Int) -> T) async -> [T] {
        guard count > 0 else { return [] }
        let chunkSize = max(1, chunk)
        let chunks = (count + chunkSize - 1) / chunkSize
        var slots = [[T]](repeating: [], count: chunks)
        await withTaskGroup(of: (Int, [T]).self) { group in
            for c in 0..<chunks {
                group.addTask {
                    let start = c * chunkSize
                    let end = min(count, start + chunkSize)
                    return (c, (start..<end).map(body))
                }
            }
            for await (c, results) in group { slots[c] = results }
        }
        return slots.flatMap { $0 }
    }
}
