import Catalog
import Diagnostics
import YAMLTree

/// Decodes one code file's text (no defaults), returning codes and diagnostics.
func decodeCodeFile(_ text: String, path: String = "codes/c.yaml") -> ([Code], [Diagnostic]) {
    var files = FileTable()
    let id = files.add(path)
    let loaded = YAMLLoader.load(text, path: path, fileID: id)
    guard let document = loaded.document else { return ([], loaded.diagnostics) }
    let (codes, diagnostics) = CodeFileDecoder.decode(document, inherited: nil, files: files)
    return (codes, loaded.diagnostics + diagnostics)
}

func decodePolicies(_ texts: [String: String]) -> (Policies, [Diagnostic]) {
    var files = FileTable()
    var documents: [YAMLDocument] = []
    var diagnostics: [Diagnostic] = []
    for path in texts.keys.sorted() {
        let loaded = YAMLLoader.load(texts[path] ?? "", path: path, fileID: files.add(path))
        diagnostics += loaded.diagnostics
        if let document = loaded.document { documents.append(document) }
    }
    let (policies, more) = PolicyDecoder.decode(documents, files: files)
    return (policies, diagnostics + more)
}

let minimalCode = """
    id: RET-EU-0001
    slug: cx1
    owner: retail-eu
    status: active
    target: https://www.acme.example/x

    """
