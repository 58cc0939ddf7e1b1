/// Caddy 2.6's `map` compares the lookup value with its entries one by one (15–25 ns each),
/// so a single map of 100,000 codes costs milliseconds for the late ones, while every `handle`
/// and matcher costs time when Caddy loads the config and per request. The emitter splits a
/// domain's codes into a prefix tree of few, large leaves: the keys (lower-cased) are grouped by
/// their next character; groups larger than a leaf get a subtree, and neighbouring small groups
/// are packed into one leaf up to `capacity` codes. Each child is selected by an anchored
/// `vars_regexp` on the key (its prefix and a class of next characters). Keys whose characters
/// are all in `[a-z0-9._~-]` (after lower-casing) go in the tree; the others are looked up
/// separately.
enum CaddyShardTree {
    indirect enum Node: Sendable {
        /// Indices of the entries this leaf's map holds.
        case leaf([Int])
        /// Children selected by the next character (one of `characters`); `rest`: entries
        /// whose key ends at this node's prefix.
        case branch(children: [(characters: [UInt8], node: Node)], rest: [Int])
        /// Every key continues with this character: the node below tests a longer prefix.
        case prefixed(UInt8, Node)
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
        var children: [(characters: [UInt8], node: Node)] = []
        var packed: (characters: [UInt8], entries: [Int]) = ([], [])
        func flush() {
            if !packed.entries.isEmpty { children.append((packed.characters, .leaf(packed.entries))) }
            packed = ([], [])
        }
        if rest.isEmpty, groups.count == 1, let (character, group) = groups.first {
            // One child only: no handle for it, its children test the longer prefix.
            return .prefixed(character, build(group, keys: keys, depth: depth + 1, capacity: capacity))
        }
        for character in groups.keys.sorted() {
            let group = groups[character] ?? []
            if group.count > capacity {
                flush()
                children.append(([character], build(group, keys: keys, depth: depth + 1, capacity: capacity)))
            } else {
                if packed.entries.count + group.count > capacity { flush() }
                packed.characters.append(character)
                packed.entries += group
            }
        }
        flush()
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

    /// The anchored regex that selects a child: `^/<prefix>[<characters>]`, letters in both
    /// cases when the domain's keys keep their case (they are grouped by their lower case).
    static func pattern(prefix: [UInt8], characters: [UInt8], caseSensitiveKeys: Bool) -> String {
        let text = String(decoding: prefix, as: UTF8.self)
        let head = caseSensitiveKeys ? RequestPattern.caseless(text, .re2) : RequestPattern.exact(text, .re2)
        var members = ""
        for character in characters {
            members += RequestPattern.exact(String(decoding: [character], as: UTF8.self), .re2)
            if caseSensitiveKeys, RequestPattern.isLetter(character) {
                members += String(decoding: [character & ~0x20], as: UTF8.self)
            }
        }
        return "^\\x2F" + head + "[" + members + "]"
    }
}
