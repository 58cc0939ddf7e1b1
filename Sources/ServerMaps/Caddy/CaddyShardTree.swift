/// Caddy 2.6's `map` compares the lookup value with its entries one by one, so a single map of
/// 100,000 codes costs milliseconds for the late ones. The emitter splits a domain's codes into
/// a prefix tree instead: each branch dispatches on the next character of the lower-cased slug
/// with `vars_regexp` prefix matchers on the key, and each leaf looks up at
/// most `capacity` codes in a map of its own. Slugs whose characters are all in
/// `[a-z0-9._~-]` (after lower-casing) go in the tree; the others are looked up separately.
enum CaddyShardTree {
    indirect enum Node: Sendable {
        /// Indices of the entries this leaf's map holds.
        case leaf([Int])
        /// `rest`: entries whose key ends at this node's prefix.
        case branch(children: [(character: UInt8, node: Node)], rest: [Int])
    }

    /// `keys[i]` is entry i's lower-cased key bytes (without the leading `/`).
    static func build(_ entries: [Int], keys: [[UInt8]], depth: Int = 0, capacity: Int) -> Node {
        guard entries.count > capacity else { return .leaf(entries) }
        var groups: [UInt8: [Int]] = [:]
        var rest: [Int] = []
        for entry in entries {
            let key = keys[entry]
            if depth < key.count { groups[key[depth], default: []].append(entry) } else { rest.append(entry) }
        }
        let children = groups.keys.sorted().map { character in
            (character, build(groups[character] ?? [], keys: keys, depth: depth + 1, capacity: capacity))
        }
        return .branch(children: children, rest: rest)
    }

    /// Whether a lower-cased key can live in the tree.
    static func isTreeKey(_ key: [UInt8]) -> Bool {
        key.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || RequestPattern.isDigit(byte) || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2D
        }
    }

    static func lowered(_ key: String) -> [UInt8] {
        key.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
}
