// The rule reference in docs/ is generated from the rules themselves; this keeps it current.

import Foundation
import ReplyLint
import Testing

@Test func rulesReferenceIsCurrent() throws {
    let path = CLI.packageRoot.appendingPathComponent("docs/rules.md")
    let written = try String(contentsOf: path, encoding: .utf8)
    #expect(written == RulesReporter.markdown(RuleRegistry.descriptions), "regenerate with: swift run replylint rules --format markdown > docs/rules.md")
}

/// The README is read on a fresh clone: every link it makes points at a file of this repository.
@Test func readmeLinksResolveInTheRepository() throws {
    for name in ["README.md"] + (try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("docs").path).map { "docs/" + $0 }) where name.hasSuffix(".md") {
        let url = CLI.packageRoot.appendingPathComponent(name)
        // Links inside code blocks are examples (rules.md shows broken ones on purpose).
        let text = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "```").enumerated()
            .filter { $0.offset % 2 == 0 }.map(\.element).joined()
        var rest = Substring(text)
        while let open = rest.range(of: "](") {
            let target = rest[open.upperBound...].prefix { $0 != ")" }
            rest = rest[open.upperBound...]
            let path = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if path.isEmpty || path.contains("://") || path.hasPrefix("mailto:") { continue }
            let resolved = url.deletingLastPathComponent().appendingPathComponent(String(path)).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: resolved.path), "\(name) links to \(target), which is not in the repository")
            #expect(resolved.path.hasPrefix(CLI.packageRoot.standardizedFileURL.path), "\(name) links outside the repository: \(target)")
        }
    }
}

/// The README's pre-commit snippets have the shape pre-commit accepts, and so does the hook manifest.
@Test(.enabled(if: (try? Shell.run("command -v pre-commit", in: URL(fileURLWithPath: "/")))?.status == 0))
func readmePreCommitSnippetsValidate() throws {
    let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let blocks = readme.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        .filter { $0.contains("repos:") }
    #expect(blocks.count == 2)
    let folder = try ScratchLibrary()
    defer { folder.delete() }
    for (index, block) in blocks.enumerated() {
        // Unindent the snippet as a user pastes it.
        let indent = block.prefix { $0 == " " }.count
        let lines: [String] = block.components(separatedBy: "\n").map { line in
            let spaces = line.prefix { $0 == " " }.count
            return String(line.dropFirst(min(indent, spaces)))
        }
        let text = lines.joined(separator: "\n")
        try folder.write("config-\(index).yaml", text)
        let result = try Shell.run("pre-commit validate-config config-\(index).yaml", in: folder.root)
        #expect(result.status == 0, "\(text)\n\(result.stdout)\(result.stderr)")
    }
    let manifest = try Shell.run("pre-commit validate-manifest .pre-commit-hooks.yaml", in: CLI.packageRoot)
    #expect(manifest.status == 0, "\(manifest.stdout)\(manifest.stderr)")
}
