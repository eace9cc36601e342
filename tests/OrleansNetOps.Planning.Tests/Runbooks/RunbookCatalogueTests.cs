using System.Collections.Immutable;
using OrleansNetOps.Governance.Tiers;
using OrleansNetOps.Planning.Faults;
using OrleansNetOps.Planning.Runbooks;

namespace OrleansNetOps.Planning.Tests.Runbooks;

/// <summary>Known fault → known runbook: which mapping an incident meets, and the fields its runbook gets.</summary>
public sealed class RunbookCatalogueTests
{
    private static readonly IncidentFacts s_regression = new("inc-1", "External alert DeploymentRegression on app-07", "critical", FaultKind.Unknown)
    {
        FindingKinds = ["external-alert"],
        Routers = ["app-07"],
        Evidence = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["alertname"] = "DeploymentRegression",
            ["service"] = "checkout",
            ["previous_version"] = "2.4.1",
        }),
    };

    private static readonly FaultRunbook s_rollback = new("deployment-regression", "rollback-deployment", new RunbookMatch
    {
        FindingKinds = ["external-alert"],
        Evidence = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("alertname", "DeploymentRegression")]),
    })
    {
        Arguments = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("previousVersion", "evidence.previous_version")]),
    };

    [Fact]
    public void A_matching_incident_gets_its_runbook_with_the_incident_fields_and_the_mapped_arguments()
    {
        var proposal = new RunbookCatalogue([s_rollback]).Propose(s_regression, out var skipped);

        Assert.NotNull(proposal);
        Assert.Empty(skipped);
        Assert.Equal("rollback-deployment", proposal.Runbook);
        Assert.Equal(Tier.T2, proposal.Tier);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["incident.id"] = "inc-1",
                ["incident.severity"] = "critical",
                ["incident.title"] = "External alert DeploymentRegression on app-07",
                ["previousVersion"] = "2.4.1",
                ["router"] = "app-07",
                ["service"] = "checkout",
            },
            proposal.Fields);
        Assert.Equal("known fault 'deployment-regression': run rollback-deployment (previousVersion=2.4.1)", proposal.Rationale);
    }

    [Fact]
    public void Every_criterion_must_hold_and_a_list_holds_when_any_entry_does()
    {
        RunbookMatch With(RunbookMatch m) => m;
        Assert.True(With(new() { Services = ["billing", "checkout"], Routers = ["app-07"] }).Matches(s_regression));
        Assert.False(With(new() { Services = ["checkout"], Routers = ["app-08"] }).Matches(s_regression));
        Assert.True(With(new() { Title = "deploymentregression" }).Matches(s_regression));
        Assert.False(With(new() { Title = "^regression" }).Matches(s_regression));
        Assert.True(With(new() { FaultKinds = [FaultKind.Unknown] }).Matches(s_regression));
        Assert.False(With(new() { FaultKinds = [FaultKind.Congestion] }).Matches(s_regression));
        Assert.False(With(new() { Evidence = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("alertname", "HighLatency")]) }).Matches(s_regression));

        // An empty match would take every incident: it matches none.
        Assert.False(new RunbookMatch().Matches(s_regression));
    }

    [Fact]
    public void A_mapping_whose_argument_the_incident_cannot_fill_is_skipped_with_the_reason_and_the_next_one_is_tried()
    {
        var needsTicket = s_rollback with
        {
            Name = "needs-ticket",
            Arguments = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("ticket", "evidence.ticket")]),
        };
        var restart = new FaultRunbook("restart", "restart-service", new RunbookMatch { Services = ["checkout"] }) { Tier = Tier.T1 };

        var proposal = new RunbookCatalogue([needsTicket, restart]).Propose(s_regression, out var skipped);

        Assert.Equal("restart-service", proposal?.Runbook);
        Assert.Equal(Tier.T1, proposal?.Tier);
        Assert.Equal(["needs-ticket: the incident has no ticket ← evidence.ticket"], skipped.ToArray());
        Assert.Null(new RunbookCatalogue([needsTicket]).Propose(s_regression with { Evidence = s_regression.Evidence.Remove("previous_version") }, out _));
    }
}
