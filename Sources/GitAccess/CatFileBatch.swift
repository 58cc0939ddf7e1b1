/// Reads many objects with one `git cat-file --batch` process: every name is written to its
/// stdin up front, and the answers (`<object> <type> <size>\n<bytes>\n`, or `<name> missing\n`)
/// are parsed from its stdout. One process for the whole portfolio instead of one per file.
enum CatFileBatch {
    /// The contents of each named object (an object id, or `<commit>:<path>`), in order; nil for
    /// a name git does not have (or that is not a blob). Names must not contain a newline.
    static func read(_ names: [String], with git: Git) throws(GitError) -> [[UInt8]?] {
        guard !names.isEmpty else { return [] }
        var input: [UInt8] = []
        input.reserveCapacity(names.count * 48)
        for name in names {
            input += Array(name.utf8)
            input.append(0x0A)
        }
        let output = try git.run(["cat-file", "--batch"], input: input)
        return try parse(output, count: names.count)
    }

    static func parse(_ output: [UInt8], count: Int) throws(GitError) -> [[UInt8]?] {
        var results: [[UInt8]?] = []
        results.reserveCapacity(count)
        var index = 0
        while results.count < count {
            guard index < output.count, let newline = output[index...].firstIndex(of: 0x0A) else {
                throw GitError.malformedOutput(command: "git cat-file --batch", detail: "the output ends after \(results.count) of \(count) objects")
            }
            let header = output[index..<newline].split(separator: 0x20)
            index = newline + 1
            // `<name> missing`, `<name> ambiguous`, or `<object> <type> <size>`.
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)) else {
                results.append(nil)
                continue
            }
            guard index + size <= output.count else {
                throw GitError.malformedOutput(command: "git cat-file --batch", detail: "an object is cut short")
            }
            let isBlob = header[1].elementsEqual("blob".utf8)
            results.append(isBlob ? Array(output[index..<(index + size)]) : nil)
            index = min(output.count, index + size + 1)
        }
        return results
    }
}
