import Foundation
import GitAccess
import Review
import Testing
import TestSupport

@Suite("qrops history: a code's life from git")
struct CodeHistoryTests {
    static let policies = "version: 1\nowners: {team: {}, other: {}}\n"

    static func code(_ target: String = "https://www.example.com/a", owner: String = "team", extra: String = "") -> String {
        "id: A-1\nslug: a\nowner: \(owner)\nstatus: active\ntarget: \(target)\n" + extra
    }

    static func summary(_ history: CodeHistory) -> [String] {
        history.entries.map { entry in
            var line = "\(entry.subject): \(entry.event.rawValue)"
            if let from = entry.previousFile, let to = entry.file, from != to { line += " \(from) → \(to)" }
            if entry.event == .modified { line += " " + entry.fields.map { "\($0.field)=\($0.after ?? "-")" }.joined(separator: ",") }
            return line
        }
    }

    @Test func createdModifiedMovedBetweenFilesDeletedAndRestored() throws {
        let fixture = try GitFixture()
        try fixture.write("policies/p.yaml", Self.policies)
        try fixture.write("codes/a.yaml", Self.code())
        try fixture.write("codes/other.yaml", "id: B-1\nslug: b\nowner: team\nstatus: draft\n")
        try fixture.commit("create", author: "Ann", email: "ann@example.com")
        try fixture.write("codes/a.yaml", Self.code("https://www.example.com/b", extra: "change-reason: new page\n"))
        try fixture.commit("re-point", author: "Bob", email: "bob@example.com")
        try fixture.write("codes/other.yaml", "id: B-1\nslug: b\nowner: team\nstatus: paused\n")
        try fixture.commit("unrelated change")
        try FileManager.default.createDirectory(atPath: fixture.root + "/codes/eu", withIntermediateDirectories: true)
        try fixture.git("mv", "codes/a.yaml", "codes/eu/a.yaml")
        try fixture.commit("rename")
        try fixture.remove("codes/eu/a.yaml")
        try fixture.write("codes/all.yaml", """
            codes:
              - {id: Z-9, slug: z, owner: team, status: draft}
              - {id: A-1, slug: a, owner: other, status: active, target: "https://www.example.com/b", change-reason: new page}

            """)
        try fixture.commit("move into a list file, new owner")
        try fixture.remove("codes/all.yaml")
        try fixture.commit("delete")
        try fixture.write("codes/back.yaml", Self.code("https://www.example.com/b"))
        try fixture.commit("restore")

        let history = try CodeHistoryWalker(repository: GitRepository.open(fixture.root)).history(of: "A-1")
        #expect(Self.summary(history) == [
            "create: created",
            "re-point: modified target=https://www.example.com/b,change-reason=new page",
            "rename: moved codes/a.yaml → codes/eu/a.yaml",
            "move into a list file, new owner: modified codes/eu/a.yaml → codes/all.yaml owner=other",
            "delete: deleted",
            "restore: restored",
        ])
        #expect(history.entries[1].author == "Bob")
        #expect(history.entries[1].email == "bob@example.com")
        #expect(history.entries[1].date == "2026-01-01T00:02:00+00:00")
        #expect(history.entries[1].fields.first?.before == "https://www.example.com/a")
        #expect(history.currentFile == "codes/back.yaml")
        #expect(!history.isShallow)
    }

    @Test func aDefaultsChangeIsAChangeOfTheCode() throws {
        let fixture = try GitFixture()
        try fixture.write("policies/p.yaml", Self.policies)
        try fixture.write("codes/x/_defaults.yaml", "labels: {campaign: spring}\n")
        try fixture.write("codes/x/a.yaml", Self.code())
        try fixture.commit("create")
        try fixture.write("codes/x/_defaults.yaml", "labels: {campaign: summer}\n")
        try fixture.commit("new campaign for the folder")
        let history = try CodeHistoryWalker(repository: GitRepository.open(fixture.root)).history(of: "A-1")
        #expect(Self.summary(history) == ["create: created", "new campaign for the folder: modified labels.campaign=summer"])
    }

    @Test func branchChangesShowAtTheirCommitAndAtTheMerge() throws {
        let fixture = try GitFixture()
        try fixture.write("policies/p.yaml", Self.policies)
        try fixture.write("codes/a.yaml", Self.code())
        try fixture.commit("create")
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.write("codes/a.yaml", Self.code("https://www.example.com/feature"))
        try fixture.commit("feature re-point")
        try fixture.git("checkout", "-q", "main")
        try fixture.write("codes/b.yaml", "id: B-1\nslug: b\nowner: team\nstatus: draft\n")
        try fixture.commit("main adds B-1")
        try fixture.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature",
                        environment: ["GIT_AUTHOR_DATE": "@1767300000 +0000", "GIT_COMMITTER_DATE": "@1767300000 +0000"])
        let history = try CodeHistoryWalker(repository: GitRepository.open(fixture.root)).history(of: "A-1")
        #expect(Self.summary(history) == [
            "create: created",
            "feature re-point: modified target=https://www.example.com/feature",
            "merge feature: modified target=https://www.example.com/feature",
        ])
        #expect(history.entries.map(\.isMerge) == [false, false, true])
    }

    @Test func uncommittedChangesAreNotedNotShown() throws {
        let fixture = try GitFixture()
        try fixture.write("policies/p.yaml", Self.policies)
        try fixture.write("codes/a.yaml", Self.code())
        try fixture.commit("create")
        try fixture.write("codes/a.yaml", Self.code("https://www.example.com/local"))
        let history = try CodeHistoryWalker(repository: GitRepository.open(fixture.root)).history(of: "A-1")
        #expect(Self.summary(history) == ["create: created"])
        #expect(history.uncommitted == ["codes/a.yaml"])
        #expect(HumanHistoryRenderer().render(history).contains("note: uncommitted changes to 1 code file are not part of the history\n"))
    }

    @Test func aPortfolioInASubFolderHasItsHistory() throws {
        let fixture = try GitFixture()
        try fixture.write("ops/qr/policies/p.yaml", Self.policies)
        try fixture.write("ops/qr/codes/a.yaml", Self.code())
        try fixture.write("codes/a.yaml", Self.code("https://www.example.com/not-this-portfolio"))
        try fixture.commit("create")
        try fixture.write("ops/qr/codes/a.yaml", Self.code("https://www.example.com/b"))
        try fixture.commit("re-point")
        let history = try CodeHistoryWalker(repository: GitRepository.open(fixture.root + "/ops/qr")).history(of: "A-1")
        #expect(Self.summary(history) == ["create: created", "re-point: modified target=https://www.example.com/b"])
        #expect(history.currentFile == "codes/a.yaml")
    }

    @Test func anUnknownIDHasNoHistory() throws {
        let fixture = try GitFixture()
        try fixture.write("policies/p.yaml", Self.policies)
        try fixture.write("codes/a.yaml", Self.code())
        try fixture.commit("create")
        let history = try CodeHistoryWalker(repository: GitRepository.open(fixture.root)).history(of: "A-")
        #expect(history.entries.isEmpty)
        #expect(history.currentFile == nil)
    }

    @Test func aShallowCloneSaysItsHistoryIsCut() throws {
        let origin = try GitFixture("origin")
        try origin.write("policies/p.yaml", Self.policies)
        try origin.write("codes/a.yaml", Self.code())
        try origin.commit("create")
        try origin.write("codes/a.yaml", Self.code("https://www.example.com/b"))
        try origin.commit("re-point")
        let clone = URL(fileURLWithPath: origin.root).deletingLastPathComponent().appendingPathComponent("clone").path
        try GitFixture.run(["clone", "-q", "--depth", "1", "file://" + origin.root, clone], in: origin.root)
        let history = try CodeHistoryWalker(repository: GitRepository.open(clone)).history(of: "A-1")
        #expect(history.isShallow)
        #expect(Self.summary(history) == ["re-point: created"])
        #expect(HumanHistoryRenderer().render(history).contains("note: this is a shallow clone"))
    }
}
