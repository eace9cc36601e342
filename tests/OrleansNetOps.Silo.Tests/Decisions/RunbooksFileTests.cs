using OrleansNetOps.Configuration;
using OrleansNetOps.Drivers.Runbooks;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Silo.Decisions;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary>runbooks.yaml: runbooks and fault mappings read whole, every problem with file, line, column and field.</summary>
public sealed class RunbooksFileTests
{
    private static readonly Dictionary<string, string?> s_environment = new() { ["DEPLOY_API_TOKEN"] = "Bearer s3cr3t-token" };

    private const string Runbook = """
        runbooks:
          - name: rollback-deployment
            run: { method: POST, url: "https://deploy.example.net/{{service}}/rollback", body: '{"v": "{{previousVersion}}"}' }
        """;

    [Fact]
    public void The_example_in_the_config_folder_uncommented_is_valid_and_reads_its_secret_from_the_environment()
    {
        var lines = File.ReadAllLines(RepositoryFiles.SiloConfig(RunbooksFile.FileName));
        Assert.All(lines, l => Assert.True(l.Length == 0 || l.StartsWith('#'), "the example must stay inactive: " + l));
        Assert.Empty(RunbooksFile.Parse(string.Join('\n', lines), "runbooks.yaml", s_environment).Runbooks);

        // The example is the block of "# " lines that are YAML (not prose): from "# runbooks:" on, and from "# faults:" on.
        var yaml = string.Join('\n', lines.SkipWhile(l => l != "# runbooks:").Where(l => l == "#" || l.StartsWith("# ", StringComparison.Ordinal))
            .Select(l => l.Length > 1 ? l[2..] : string.Empty)
            .Where(l => l.Length == 0 || l.StartsWith(' ') || l.StartsWith("runbooks:", StringComparison.Ordinal) || l.StartsWith("faults:", StringComparison.Ordinal)));
        var file = RunbooksFile.Parse(yaml, "runbooks.yaml", s_environment);

        Assert.Equal(["rollback-deployment", "restart-service"], file.Runbooks.Select(r => r.Name));
        var run = Assert.IsType<HttpRunbookStep>(file.Runbooks[0].Run);
        Assert.Equal("Bearer s3cr3t-token", run.Headers["Authorization"]);
        Assert.Equal(TimeSpan.FromSeconds(120), run.Timeout);
        Assert.NotNull(file.Runbooks[0].Undo);
        var restart = Assert.IsType<ScriptRunbookStep>(file.Runbooks[1].Run);
        Assert.Equal(["restart", "{{service}}", "--reason", "{{incident.id}}"], restart.Arguments.ToArray());
        var mapping = Assert.Single(file.Catalogue.Mappings);
        Assert.Equal(("deployment-regression", "rollback-deployment", Tier.T2), (mapping.Name, mapping.Runbook, mapping.Tier));
        Assert.Equal("evidence.previous_version", mapping.Arguments["previousVersion"]);
        Assert.Equal("DeploymentRegression", mapping.Match.Evidence["alertname"]);
    }

    [Fact]
    public void A_mapping_reads_every_criterion_and_its_tier()
    {
        var file = RunbooksFile.Parse(Runbook + """

            faults:
              - runbook: rollback-deployment
                match: { faultKinds: [unknown, session-down], title: "regression|error rate", routers: [app-07], services: [checkout] }
                tier: T1
                confidence: 0.75
            """, "runbooks.yaml", s_environment);

        var mapping = Assert.Single(file.Catalogue.Mappings);
        Assert.Equal("rollback-deployment", mapping.Name);
        Assert.Equal([FaultKind.Unknown, FaultKind.SessionDown], mapping.Match.FaultKinds.ToArray());
        Assert.Equal((Tier.T1, 0.75), (mapping.Tier, mapping.Confidence));
    }

    [Theory]
    [InlineData("""
        runbooks:
          - name: a
            run: { url: "https://x/", program: /bin/true }
        """, "runbooks.yaml:3:40: runbooks[0].run.program: a step is either an HTTP call (url) or a program, not both")]
    [InlineData("""
        runbooks:
          - name: a
            run: { program: deployctl, arguments: [x] }
        """, "runbooks.yaml:3:21: runbooks[0].run.program: 'deployctl' is not an absolute path")]
    [InlineData("""
        runbooks:
          - name: a
            run: { url: "https://x/", headers: { Authorization: { fromEnvironment: NOT_SET_ANYWHERE } } }
        """, "runbooks.yaml:3:57: runbooks[0].run.headers.Authorization: the environment variable NOT_SET_ANYWHERE is not set")]
    [InlineData("""
        runbooks:
          - name: a
            run: { url: "ftp://x/" }
        """, "runbooks.yaml:3:17: runbooks[0].run.url: 'ftp://x/' is not an http:// or https:// URL")]
    [InlineData("""
        runbooks:
          - name: a
            run: { url: "https://x/", method: FETCH }
        """, "runbooks.yaml:3:39: runbooks[0].run.method: 'FETCH' is not one of GET, POST, PUT, PATCH, DELETE")]
    [InlineData("""
        runbooks:
          - name: a
            run: { url: "https://x/", arguments: [x] }
        """, "runbooks.yaml:3:42: runbooks[0].run.arguments: not a field of an HTTP step")]
    [InlineData("""
        runbooks:
          - name: a
            run: { url: "https://x/", timeoutSeconds: 0 }
        """, "runbooks.yaml:3:47: runbooks[0].run.timeoutSeconds: 0 is out of range (1..3600)")]
    [InlineData("""
        runbooks:
          - name: a
        """, "runbooks.yaml:2:5: runbooks[0].run: required: the step that applies the remedy")]
    [InlineData("""
        runbooks:
          - name: a
            run: { url: "https://x/" }
          - name: a
            run: { url: "https://y/" }
        """, "runbooks.yaml:4:11: runbooks[1].name: runbook 'a' is defined more than once")]
    [InlineData(Runbook + """

        faults:
          - runbook: restart
            match: { findingKinds: [external-alert] }
        """, "runbooks.yaml:5:14: faults[0].runbook: 'restart' is not a runbook of this file (rollback-deployment)")]
    [InlineData(Runbook + """

        faults:
          - runbook: rollback-deployment
        """, "runbooks.yaml:5:5: faults[0].match: required: at least one of faultKinds, findingKinds, title, routers, services, evidence")]
    [InlineData(Runbook + """

        faults:
          - runbook: rollback-deployment
            match: { faultKinds: [outage] }
        """, "runbooks.yaml:6:27: faults[0].match.faultKinds[0]: 'outage' is not one of")]
    [InlineData(Runbook + """

        faults:
          - runbook: rollback-deployment
            match: { title: "(unclosed" }
        """, "runbooks.yaml:6:21: faults[0].match.title: not a regular expression")]
    [InlineData(Runbook + """

        faults:
          - runbook: rollback-deployment
            match: { services: [checkout] }
            arguments: { previousVersion: previous_version }
        """, "runbooks.yaml:7:35: faults[0].arguments.previousVersion: 'previous_version' is not an incident field")]
    [InlineData(Runbook + """

        faults:
          - runbook: rollback-deployment
            match: { services: [checkout] }
            tier: T4
        """, "runbooks.yaml:7:11: faults[0].tier: 'T4' is not one of t1, t2, t3")]
    [InlineData(Runbook + """

        faults:
          - runbook: rollback-deployment
            match: { services: [checkout] }
            when: always
        """, "runbooks.yaml:7:5: faults[0].when: unknown field")]
    public void A_problem_is_reported_with_file_line_column_and_field(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => RunbooksFile.Parse(yaml, "runbooks.yaml", s_environment));

        Assert.Contains(error.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_at_once()
    {
        var error = Assert.Throws<ConfigException>(() => RunbooksFile.Parse("""
            runbooks:
              - name: a
                run: { program: relative }
            faults:
              - runbook: b
                match: { services: [x] }
            """, "runbooks.yaml", s_environment));

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(["runbooks[0].run.program", "faults[0].runbook"], error.Errors.Select(e => e.Path));
    }
}
