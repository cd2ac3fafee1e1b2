using System.Text.RegularExpressions;

namespace AdoTypedSdk.Build.Tests.Docs;

/// <summary>
/// A C# block of the README or a page of <c>docs/</c>, with what its check needs, from the HTML comment on the line above it:
/// <c>&lt;!-- snippet: given WebApplicationBuilder builder; areas build, wiki; runs --&gt;</c>.
/// <list type="bullet">
/// <item><c>given</c>: the variables it uses without declaring them, as a C# parameter list (the text around the block names them).</item>
/// <item><c>areas</c>: the areas it needs generated.</item>
/// <item><c>types</c>: it declares types rather than statements.</item>
/// <item><c>from &lt;path&gt;</c>: it shows lines of a file of the repository, which CI compiles; checked line by line against it.</item>
/// <item><c>runs</c>: it is run after it compiles; its givens are an <c>AdoConnection</c> or clients of an embedded ADO, which answers 404
/// but for its <c>answers</c>.</item>
/// <item><c>answers GET Fabrikam/_apis/build/builds {"count": 0, "value": []}</c>: what the embedded ADO answers (200, JSON) to a method and
/// a path under the organization; one per request it makes, and each must be requested.</item>
/// <item><c>prints &lt;text&gt;</c>: what its run writes (a line of its output contains it).</item>
/// </list>
/// Its own <c>using</c> lines are visible in the block, as a reader copies them; the project has the Web SDK's implicit usings.
/// </summary>
public sealed record DocSnippet(string File, int Line, IReadOnlyList<string> Code, string Given, IReadOnlyList<string> Areas,
    bool DeclaresTypes, string? From, bool Runs, IReadOnlyList<DocSnippet.Answer> Answers, IReadOnlyList<string> Prints)
{
    private static readonly Regex Fence = new(@"^(?<indent>\s*)```(?<language>\S*)\s*$");
    private static readonly Regex Annotation = new(@"^\s*<!--\s*snippet:(?<options>.*)-->\s*$");

    /// <summary>What the embedded ADO answers to <see cref="Method"/> <see cref="Path"/> (under the organization) while the snippet runs.</summary>
    public sealed record Answer(string Method, string Path, string Json);

    /// <summary>file:line, the name of its test case.</summary>
    public string Id => $"{File}:{Line}";

    /// <summary>A C# identifier for its generated class.</summary>
    public string ClassName => "Snippet_" + Regex.Replace(Id, "[^A-Za-z0-9]", "_");

    /// <summary>The last line of the block in its file.</summary>
    public int LastLine => Line + Code.Count - 1;

    /// <summary>Every C# block of the README and docs/, in order; an error for a block without its annotation.</summary>
    public static IReadOnlyList<DocSnippet> ReadAll(string root)
    {
        var files = new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')));
        return files.SelectMany(f => Read(f, System.IO.File.ReadAllLines(Path.Combine(root, f)))).ToList();
    }

    public static IEnumerable<DocSnippet> Read(string file, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (Fence.Match(lines[i]) is not { Success: true } open)
                continue;
            var end = i + 1;
            while (end < lines.Count && !Fence.IsMatch(lines[end]))
                end++;
            if (open.Groups["language"].Value is "csharp" or "cs" or "c#")
            {
                var indent = open.Groups["indent"].Value.Length;
                var code = lines.Skip(i + 1).Take(end - i - 1).Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l.TrimStart()).ToList();
                var annotation = i > 0 ? Annotation.Match(lines[i - 1]) : Match.Empty;
                if (!annotation.Success)
                    throw new FormatException($"{file}:{i + 1}: a C# block without a '<!-- snippet: ... -->' line above it, which says what the block needs to compile (see {nameof(DocSnippet)}).");
                yield return Parse(file, i + 2, code, annotation.Groups["options"].Value);
            }
            i = end;
        }
    }

    private static DocSnippet Parse(string file, int line, IReadOnlyList<string> code, string options)
    {
        string given = "", from = "";
        IReadOnlyList<string> areas = [];
        bool types = false, runs = false;
        var answers = new List<Answer>();
        var prints = new List<string>();
        foreach (var option in options.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = option.IndexOf(' ') is var space and > 0 ? (option[..space], option[(space + 1)..].Trim()) : (option, "");
            switch (key)
            {
                case "given": given = value; break;
                case "areas": areas = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "types": types = true; break;
                case "from": from = value; break;
                case "runs": runs = true; break;
                case "prints": prints.Add(value); break;
                case "answers" when value.Split(' ', 3) is [var method, var path, var json]: answers.Add(new Answer(method, path, json)); break;
                default: throw new FormatException($"{file}:{line - 2}: '{option}' is not a snippet option (given, areas, types, from, runs, answers <method> <path> <json>, prints <text>).");
            }
        }
        return new DocSnippet(file, line, code, given, areas, types, from.Length > 0 ? from : null, runs, answers, prints);
    }
}
