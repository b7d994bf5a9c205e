// `replylint init`: a new library to start from, commented, that lints clean.

import ArgumentParser
import Foundation
import ReplyLint

extension ReplyLintCommand {
    package struct Init: ParsableCommand {
        package init() {}

        package static let configuration = CommandConfiguration(
            commandName: "init",
            _superCommandName: "replylint",
            abstract: "Create a small library to start from: replylint.yml, one reply, an FAQ and a moderation policy.",
            discussion: "Writes into DIR (the current folder when left out) and never overwrites a file that is already there.")

        @Argument(help: ArgumentHelp("The folder to create the library in.", valueName: "DIR"))
        var directory: String = "."

        package func run() throws {
            let base = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
            let existing = LibrarySkeleton.files.map(\.path).filter { FileManager.default.fileExists(atPath: base.appendingPathComponent($0).path) }
            guard existing.isEmpty else {
                throw LoadError("\(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""); init writes a new library and overwrites nothing (choose another folder: replylint init DIR)")
            }
            for file in LibrarySkeleton.files {
                let url = base.appendingPathComponent(file.path)
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
                } catch {
                    throw LoadError("\(file.path): cannot write (\(error.localizedDescription))")
                }
                print("created \(directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/")\(file.path)")
            }
            let cd = directory == "." ? "" : "cd \(directory) && "
            print("""

                Next: \(cd)replylint lint
                Then add your own replies under replies/ and their questions to policies/faq.md.
                """)
        }
    }
}
