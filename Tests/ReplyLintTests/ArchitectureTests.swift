// The library's folders are stages that depend one way only: a file may use the types of its own
// folder and of the folders before it in `stages`, never of one after it. Read from the sources,
// so a change that makes the model call a rule, or loading ask the linter, fails here.

import Foundation
import Testing

@Suite struct ArchitectureTests {
    /// Lowest first. Support: generic helpers; Model: the data every stage shares; Text and Template:
    /// text toolkits; then the road files → Loading → Rules → Linting → Reporting, with Rendering as
    /// the second road (it reaches the rules only through Linting's RenderedTextChecks), and the
    /// services built on both last.
    static let stages = ["Support", "Model", "Text", "Template", "Loading", "Rules", "Linting", "Rendering", "Reporting", "Interchange", "Serving"]

    struct SourceFile {
        var path: String
        var stage: String
        var text: String
    }

    static func sources() throws -> [SourceFile] {
        let root = CLI.packageRoot.appendingPathComponent("Sources/ReplyLint")
        var files: [SourceFile] = []
        for case let path as String in FileManager.default.enumerator(atPath: root.path)?.allObjects ?? [] where path.hasSuffix(".swift") {
            let stage = String(path.prefix { $0 != "/" })
            files.append(SourceFile(path: path, stage: stage, text: try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)))
        }
        return files
    }

    /// Names of the types a file declares (at any depth), and whether each is private to its file.
    static func declarations(in text: String) -> [(name: String, isPrivate: Bool)] {
        var result: [(String, Bool)] = []
        for line in text.split(separator: "\n") {
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
            var isPrivate = false
            while let first = words.first, ["public", "internal", "private", "fileprivate", "package", "final", "indirect"].contains(first) {
                if first == "private" || first == "fileprivate" { isPrivate = true }
                words.removeFirst()
            }
            guard words.count >= 2, ["struct", "enum", "class", "protocol", "actor", "typealias"].contains(words[0]) else { continue }
            let name = words[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { result.append((String(name), isPrivate)) }
        }
        return result
    }

    /// Capitalised identifiers outside comments and string literals.
    static func typeNames(usedIn text: String) -> Set<String> {
        var names = Set<String>()
        var code = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var inString = false
            var previous: Character = " "
            var kept = ""
            for character in line {
                if !inString && character == "/" && previous == "/" { kept.removeLast(); break }
                if character == "\"" && previous != "\\" { inString.toggle(); previous = character; continue }
                if !inString { kept.append(character) }
                previous = character
            }
            code += kept + "\n"
        }
        var current = ""
        for character in code + " " {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if let first = current.first, first.isUppercase { names.insert(current) }
                current = ""
            }
        }
        return names
    }

    @Test func noFileUsesAStageAfterItsOwn() throws {
        let files = try Self.sources()
        #expect(files.count > 80)
        var stageOfType: [String: String] = [:]
        for file in files {
            #expect(Self.stages.contains(file.stage), "\(file.path) is in a folder that is not a stage; add it to ArchitectureTests.stages")
            for declaration in Self.declarations(in: file.text) where !declaration.isPrivate && stageOfType[declaration.name] == nil {
                stageOfType[declaration.name] = file.stage
            }
        }
        var violations = Set<String>()
        for file in files {
            guard let rank = Self.stages.firstIndex(of: file.stage) else { continue }
            let own = Set(Self.declarations(in: file.text).map(\.name))
            for name in Self.typeNames(usedIn: file.text).subtracting(own) {
                guard let stage = stageOfType[name], let used = Self.stages.firstIndex(of: stage), used > rank else { continue }
                violations.insert("\(file.path) uses \(name) (\(stage))")
            }
        }
        #expect(violations.isEmpty, "\(violations.sorted().joined(separator: "\n"))")
    }
}
