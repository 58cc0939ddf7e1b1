import YAMLTree

/// Merges defaults under a code at the tree level: mappings merge key by key (recursively),
/// lists and scalars replace, and the code's own key always wins. Every value keeps the mark
/// (file, line, column) of where it was written.
public enum DefaultsMerger {
    public static func merge(_ defaults: YAMLNode, under node: YAMLNode) -> YAMLNode {
        guard case .mapping(let base) = defaults.value, case .mapping(let own) = node.value else { return node }
        if base.isEmpty { return node }
        var merged: [YAMLEntry] = []
        merged.reserveCapacity(own.count + base.count)
        for entry in own {
            if let inherited = base.first(where: { $0.key.text == entry.key.text }),
               case .mapping = inherited.value.value, case .mapping = entry.value.value {
                merged.append(YAMLEntry(key: entry.key, keyMark: entry.keyMark, value: merge(inherited.value, under: entry.value)))
            } else {
                merged.append(entry)
            }
        }
        for entry in base where !own.contains(where: { $0.key.text == entry.key.text }) {
            merged.append(entry)
        }
        return YAMLNode(.mapping(merged), mark: node.mark)
    }
}
