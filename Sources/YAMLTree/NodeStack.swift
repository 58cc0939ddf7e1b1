/// The children of the loader's open mappings and sequences, waiting on one stack. When a
/// mapping or sequence closes, its children are moved (not copied) off the top into one
/// exactly-sized array: no node is retained and released again on the way, which matters
/// for a tree of millions of nodes.
struct NodeStack: ~Copyable {
    private var base: UnsafeMutablePointer<YAMLNode>
    private var capacity: Int
    /// How many nodes are on the stack.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = UnsafeMutablePointer<YAMLNode>.allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    mutating func push(_ node: consuming YAMLNode) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// The nodes from `start` to the top, bottom first, as an array; the stack keeps `start` nodes.
    mutating func popArray(from start: Int) -> [YAMLNode] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let source = base + start
        count = start
        return [YAMLNode](unsafeUninitializedCapacity: moved) { buffer, initialized in
            buffer.baseAddress?.moveInitialize(from: source, count: moved)
            initialized = moved
        }
    }

    /// The nodes from `start` to the top as key/value pairs (keys at even offsets, which the
    /// loader has checked are scalars); the stack keeps `start` nodes. A trailing key without
    /// a value, or a pair whose key is not a scalar, is dropped.
    mutating func popEntries(from start: Int) -> [YAMLEntry] {
        let pairs = (count - start) / 2
        let source = base + start
        let end = count
        count = start
        var entries: [YAMLEntry] = []
        entries.reserveCapacity(pairs)
        var index = 0
        while index + 1 < end - start {
            let key = (source + index).move()
            let value = (source + index + 1).move()
            if case .scalar(let scalar) = key.value {
                entries.append(YAMLEntry(key: scalar, keyMark: key.mark, value: value))
            }
            index += 2
        }
        if index < end - start { (source + index).deinitialize(count: end - start - index) }
        return entries
    }

    private mutating func grow() {
        let larger = capacity * 2
        let moved = UnsafeMutablePointer<YAMLNode>.allocate(capacity: larger)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
