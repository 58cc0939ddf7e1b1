import Foundation

/// Replaces an output folder with a new build so that a reader sees either the old build or the
/// new one, complete, at every moment, and a crash or `kill -9` at any point leaves one of them.
///
/// The new build is written into `<out>.staging`, beside the output folder (so the swap is a
/// rename on one file system), and swapped in with one atomic rename. The staging folder is
/// kept afterwards: after an exchange it holds the previous build, which the next build updates
/// file by file instead of writing everything again (see `ArtworkStage`).
///
/// 1. Take an exclusive `flock` on the parent folder (concurrent builds take turns); put back an
///    `<out>.old-*` left by a fallback swap that was killed half-way; remove other leftovers
///    (`<out>.old-*`, and `<out>.staging-*` from older versions).
/// 2. Open `<out>.staging` (creating it when missing) and let the caller's closure bring it to
///    the new build's content. The output folder is not touched; if the closure throws, the
///    staging folder is left half-updated (the next build repairs it) and the old build stays.
/// 3. Make the new files durable: `fsync` each one when there are few, else one `syncfs(2)`;
///    then `fsync` every folder of the new tree.
/// 4. Swap: `renameat2(RENAME_EXCHANGE)` when the output exists (one atomic step; the old build
///    ends up as `<out>.staging`), else `renameat2(RENAME_NOREPLACE)`. Where the kernel or file
///    system cannot exchange, rename the old folder aside to `<out>.old-*`, the new one into
///    place, and the old one to `<out>.staging` (a reader may briefly find no folder; a crash
///    in between is repaired by step 1 of the next build). `fsync` the parent.
public struct AtomicBuildWriter: Sendable {
    /// The output folder, as given.
    public let target: String
    /// Up to this many new files are fsynced one by one; above it one `syncfs` is cheaper.
    public var fsyncLimit = 64
    /// False forces the two-rename fallback (for tests of the fallback and its repair).
    var useAtomicRename = true

    public init(target: String) {
        var path = target
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.target = path
    }

    var parent: String {
        guard let slash = target.lastIndex(of: "/") else { return "." }
        return slash == target.startIndex ? "/" : String(target[..<slash])
    }

    var name: String {
        guard let slash = target.lastIndex(of: "/") else { return target }
        return String(target[target.index(after: slash)...])
    }

    public var stagingPath: String { parent + "/" + name + ".staging" }
    var asidePrefix: String { name + ".old-" }
    var legacyStagingPrefix: String { name + ".staging-" }

    /// How the new build was put in place.
    public enum Swap: String, Sendable {
        /// There was no previous build.
        case created
        /// `RENAME_EXCHANGE` (Linux) or `RENAME_SWAP` (macOS).
        case exchanged
        /// The two-rename fallback.
        case renamedAside
    }

    /// Runs `fill` on the staging folder, then swaps the result in, then runs `committed` with
    /// the open parent folder, still holding the lock. Errors from `fill` or from the swap are
    /// rethrown; the previous build stays.
    @discardableResult
    public func replace(with fill: (StagingFolder) async throws -> Void,
                        committed: (_ parentFD: Int32) -> Void = { _ in }) async throws -> Swap {
        try FileOps.makeFolders(parent)
        let parentFD = try FileOps.openFolder(parent)
        defer { close(parentFD) }
        while flock(parentFD, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            // A file system without locks: go on unlocked rather than refuse to build.
            if errno == ENOLCK || errno == EOPNOTSUPP { break }
            throw BuildError.system("lock", parent, errno: errno)
        }
        defer { flock(parentFD, LOCK_UN) }

        try recoverAndClean(parentFD)
        let staging = try openStaging()
        try await fill(staging)
        try makeDurable(staging)
        let swap = try exchange(parentFD: parentFD)
        committed(parentFD)
        return swap
    }

    /// Step 1: repair a half-done fallback swap, then remove what killed runs left behind.
    func recoverAndClean(_ parentFD: Int32) throws {
        let leftovers = try FileOps.names(in: parentFD, path: parent)
            .filter { $0.hasPrefix(asidePrefix) || $0.hasPrefix(legacyStagingPrefix) }
            .sorted()
        if FileOps.kind(of: target) == .missing, let aside = leftovers.last(where: { $0.hasPrefix(asidePrefix) }) {
            // Killed between the first two renames of the fallback: the aside folder is the
            // last complete build.
            guard Foundation.rename(parent + "/" + aside, target) == 0 else {
                throw BuildError.system("restore the previous build from", parent + "/" + aside, errno: errno)
            }
        }
        for name in leftovers where FileOps.kind(of: parent + "/" + name) != .missing {
            try FileOps.removeTree(parent + "/" + name)
        }
    }

    /// The staging folder, as the last build or killed run left it, or new and empty.
    private func openStaging() throws -> StagingFolder {
        switch FileOps.kind(of: stagingPath) {
        case .folder:
            break
        case .missing:
            guard mkdir(stagingPath, 0o755) == 0 else { throw BuildError.system("create the folder", stagingPath, errno: errno) }
        case .link, .other:
            // Not ours to reuse (a link could point anywhere): start again.
            try FileOps.removeTree(stagingPath)
            guard mkdir(stagingPath, 0o755) == 0 else { throw BuildError.system("create the folder", stagingPath, errno: errno) }
        }
        return StagingFolder(path: stagingPath, fd: try FileOps.openFolder(stagingPath))
    }

    /// Step 3.
    private func makeDurable(_ staging: StagingFolder) throws {
        let files = staging.newFiles
        if files.count > fsyncLimit, SystemCalls.syncFileSystem(of: staging.fd) {
            // One call wrote every dirty page of the file system, the new files included.
        } else {
            for file in files {
                let fd = open(staging.absolute(file), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
                guard fd >= 0 else { throw BuildError.system("open", staging.absolute(file), errno: errno) }
                defer { close(fd) }
                try FileOps.sync(fd, path: staging.absolute(file))
            }
        }
        for folder in staging.openFolders { try FileOps.sync(folder.fd, path: folder.path) }
    }

    /// Step 4.
    private func exchange(parentFD: Int32) throws -> Swap {
        let swap: Swap
        if FileOps.kind(of: target) == .missing {
            switch SystemCalls.rename(stagingPath, to: target, flags: SystemCalls.renameNoReplace) {
            case .done:
                swap = .created
            case .unsupported:
                guard Foundation.rename(stagingPath, target) == 0 else { throw BuildError.system("rename", stagingPath, errno: errno) }
                swap = .created
            case .failed(let error):
                throw BuildError.system("rename", stagingPath, errno: error)
            }
        } else {
            let result: SystemCalls.RenameResult = useAtomicRename
                ? SystemCalls.rename(stagingPath, to: target, flags: SystemCalls.renameExchange) : .unsupported
            switch result {
            case .done:
                swap = .exchanged
            case .unsupported:
                try renameAside()
                swap = .renamedAside
            case .failed(let error):
                throw BuildError.system("swap in the new build at", target, errno: error)
            }
        }
        try FileOps.sync(parentFD, path: parent)
        return swap
    }

    /// The fallback swap: old build aside, new build in, old build to the staging name.
    private func renameAside() throws {
        let aside = parent + "/" + asidePrefix + Self.randomSuffix()
        guard Foundation.rename(target, aside) == 0 else { throw BuildError.system("move aside", target, errno: errno) }
        guard Foundation.rename(stagingPath, target) == 0 else {
            let error = errno
            _ = Foundation.rename(aside, target)
            throw BuildError.system("rename", stagingPath, errno: error)
        }
        // If this fails, the next build removes the aside folder and starts a new staging one.
        _ = Foundation.rename(aside, stagingPath)
    }

    static func randomSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
