using AdoTypedSdk.Generator.Emission;

namespace AdoTypedSdk.Generator.Tests.Emission;

public sealed class CustomizationsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ado-customizations-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_top_level_public_type_takes_an_internal_areas_access_and_members_keep_theirs()
    {
        const string source = """
            namespace AdoTypedSdk.WorkItemTracking;

            public sealed class WorkItemPatch
            {
                public WorkItemPatch Set() => this;
                public sealed record Nested(int Id);
            }

            public static class WorkItemFields { }
            public sealed record MissingWorkItem(int Id, string Reason);
            partial class WorkItemsClient { public void Read() { } }
            """;

        var internalCopy = Customizations.WithAccess(source, "internal");

        Assert.Contains("\ninternal sealed class WorkItemPatch", internalCopy);
        Assert.Contains("\ninternal static class WorkItemFields", internalCopy);
        Assert.Contains("\ninternal sealed record MissingWorkItem", internalCopy);
        Assert.Contains("    public WorkItemPatch Set() => this;", internalCopy);
        Assert.Contains("    public sealed record Nested(int Id);", internalCopy);
        Assert.Contains("partial class WorkItemsClient { public void Read() { } }", internalCopy);
        Assert.Equal(source, Customizations.WithAccess(source, "public"));
    }

    [Fact]
    public void Only_the_chosen_areas_are_copied_and_a_copy_of_an_area_no_longer_chosen_is_removed()
    {
        var source = Path.Combine(_root, "customizations");
        var target = Path.Combine(_root, "generated", "customizations");
        Write(Path.Combine(source, "workItemTracking", "WorkItemPatch.cs"), "public sealed class WorkItemPatch { }\n");
        Write(Path.Combine(source, "git", "GitPush.cs"), "public sealed class GitPush { }\n");

        var copied = Customizations.Copy(source, ["workItemTracking", "git", "wiki"], area => area == "git" ? "internal" : "public", target);

        Assert.Equal(2, copied);
        Assert.Equal("public sealed class WorkItemPatch { }\n", File.ReadAllText(Path.Combine(target, "workItemTracking", "WorkItemPatch.cs")));
        Assert.Equal("internal sealed class GitPush { }\n", File.ReadAllText(Path.Combine(target, "git", "GitPush.cs")));

        Customizations.Copy(source, ["git"], _ => "public", target);

        Assert.False(File.Exists(Path.Combine(target, "workItemTracking", "WorkItemPatch.cs")));
        Assert.Equal("public sealed class GitPush { }\n", File.ReadAllText(Path.Combine(target, "git", "GitPush.cs")));
    }

    [Fact]
    public void A_file_that_requires_an_operation_the_area_lacks_is_copied_as_a_comment()
    {
        var source = Path.Combine(_root, "customizations");
        var target = Path.Combine(_root, "generated");
        Write(Path.Combine(source, "workItemTracking", "Chunks.cs"), "// Requires: UploadAttachment\npublic sealed class Chunks { }\n");

        Customizations.Copy(source, ["workItemTracking"], _ => "public", target, (_, operation) => operation != "UploadAttachment");
        var without = File.ReadAllText(Path.Combine(target, "workItemTracking", "Chunks.cs"));
        Customizations.Copy(source, ["workItemTracking"], _ => "public", target, (_, _) => true);
        var with = File.ReadAllText(Path.Combine(target, "workItemTracking", "Chunks.cs"));

        Assert.Equal("// Chunks.cs is not compiled: this version's workItemTracking document has no UploadAttachment operation.\n", without);
        Assert.Contains("public sealed class Chunks", with);
    }

    [Fact]
    public void An_unchanged_copy_is_not_written_again()
    {
        var source = Path.Combine(_root, "customizations");
        var target = Path.Combine(_root, "generated");
        Write(Path.Combine(source, "wiki", "WikiPage.cs"), "public sealed class WikiPage { }\n");
        Customizations.Copy(source, ["wiki"], _ => "public", target);
        var copy = Path.Combine(target, "wiki", "WikiPage.cs");
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(copy, written);

        Customizations.Copy(source, ["wiki"], _ => "public", target);

        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
