import Catalog
import Diagnostics
import Testing
import YAMLTree

/// Decodes one code and its policies, as the rules see them.
enum PrintTestSupport {
    static func decode(_ code: String, policies: String) throws -> (code: Code, policies: Policies) {
        var files = FileTable()
        let policyID = files.add("policies/example.yaml")
        let codeID = files.add("codes/example.yaml")
        let policyLoad = YAMLLoader.load(policies, path: "policies/example.yaml", fileID: policyID)
        let (decoded, problems) = PolicyDecoder.decode(policyLoad.document.map { [$0] } ?? [], files: files)
        #expect(problems.isEmpty && policyLoad.diagnostics.isEmpty, "\(problems.map(\.message))")
        let document = try #require(YAMLLoader.load(code, path: "codes/example.yaml", fileID: codeID).document)
        let codes = CodeFileDecoder.decode(document, inherited: nil, files: files)
        #expect(codes.diagnostics.isEmpty, "\(codes.diagnostics.map(\.message))")
        return (try #require(codes.codes.first), decoded)
    }
}
