using OrleansNetOps.Itsm.Jira;
using OrleansNetOps.Itsm.Outbox;
using OrleansNetOps.TestSupport.Itsm;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Tests;

/// <summary>The outbox delivering to a local stand-in that speaks Jira's REST API v2 (Kestrel on 127.0.0.1).</summary>
public sealed class JiraOutboxTests : IAsyncLifetime, IDisposable
{
    private static readonly TicketRetryOptions s_retry = new() { MaxRetries = 4, BaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(3) };
    private readonly HttpClient _http = new();
    private JiraStandIn _jira = null!;

    public async Task InitializeAsync() => _jira = await JiraStandIn.StartAsync();

    public async Task DisposeAsync() => await _jira.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private TicketOutbox Outbox(JiraOptions? options = null) => new(
        new JiraTicketSystem(_http, options ?? new JiraOptions(_jira.Server.BaseUrl, "OPS") { User = JiraStandIn.User, ApiToken = JiraStandIn.Token }),
        new InMemoryTicketOutboxStore(), TicketDeliveryPipeline.Create(s_retry));

    [Fact]
    public async Task Local_Jira_stand_in_gets_one_issue_commented_resolved_and_closed_through_failures()
    {
        var outbox = Outbox();
        _jira.Server.Faults.Enqueue(Fault.Error(502));
        _jira.Server.Faults.Enqueue(Fault.Error(503) with { Method = "POST" });
        _jira.Server.Faults.Enqueue(Fault.Hang(TimeSpan.FromSeconds(8)));

        foreach (var ticketEvent in Incident.Lifecycle("INC-201"))
        {
            await outbox.EnqueueAsync(ticketEvent);
        }

        var report = await outbox.DeliverPendingAsync();

        Assert.Equal(4, report.Delivered.Length);
        Assert.Empty(report.Failed);
        var issue = Assert.Single(_jira.Issues);
        Assert.Equal("INC-201: ISP-A utilisation heading for 85 % while R1-ISP-A is down", issue.Summary);
        Assert.Equal<string>(["netops", "netops-INC-201"], issue.Labels);
        Assert.Equal<string>(["Resolved", "Closed"], issue.History);
        Assert.Equal(2, issue.Comments.Count);
        Assert.StartsWith("Root cause: fibre cut R1-ISP-A", issue.Comments[0], StringComparison.Ordinal);
        Assert.EndsWith("[netops event INC-201:enriched:2]", issue.Comments[0], StringComparison.Ordinal);
        var ticket = (await outbox.TicketAsync("INC-201"))!;
        Assert.Equal(("jira", "OPS-1", new Uri(_jira.Server.BaseUrl, "browse/OPS-1")), (ticket.System, ticket.Key, ticket.Url));
        Assert.Equal(3, _jira.Server.Requests.Count(r => r.Contains("(fault", StringComparison.Ordinal) || r.Contains("no answer", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_redelivered_event_adds_no_second_issue_comment_or_transition()
    {
        var outbox = Outbox();
        var events = Incident.Lifecycle("INC-202").ToList();

        // The create, the comment and the resolve transition are each done by the server, but the answer is lost: each is retried.
        _jira.Server.Faults.Enqueue(Fault.LostAnswer("POST"));
        await outbox.EnqueueAsync(events[0]);
        await outbox.DeliverPendingAsync();
        Assert.Single(_jira.Issues);

        _jira.Server.Faults.Enqueue(Fault.LostAnswer("POST"));
        await outbox.EnqueueAsync(events[1]);
        Assert.Single((await outbox.DeliverPendingAsync()).Delivered);

        _jira.Server.Faults.Enqueue(Fault.LostAnswer("POST"));
        await outbox.EnqueueAsync(events[2]);
        Assert.Single((await outbox.DeliverPendingAsync()).Delivered);

        var issue = Assert.Single(_jira.Issues);
        Assert.Equal(2, issue.Comments.Count);
        Assert.Equal<string>(["Resolved"], issue.History);
        Assert.Equal(3, _jira.Server.Requests.Count(r => r.Contains("after processing", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_transition_the_workflow_does_not_offer_is_rejected_naming_what_is_available()
    {
        var outbox = Outbox(new JiraOptions(_jira.Server.BaseUrl, "OPS") { User = JiraStandIn.User, ApiToken = JiraStandIn.Token, CloseTransition = "Done" });
        var events = Incident.Lifecycle("INC-203").ToList();
        await outbox.EnqueueAsync(events[0]);
        await outbox.EnqueueAsync(events[3]);

        var report = await outbox.DeliverPendingAsync();

        Assert.Single(report.Delivered);
        var (_, error) = Assert.Single(report.Failed);
        Assert.Contains("OPS-1: transition 'Done' is not available from status 'Open' (available: Start Progress, Resolve Issue)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_project_is_refused_with_Jiras_field_errors()
    {
        var outbox = Outbox(new JiraOptions(_jira.Server.BaseUrl, "NOPE") { User = JiraStandIn.User, ApiToken = JiraStandIn.Token });
        await outbox.EnqueueAsync(Incident.Event("INC-204", TicketEventKind.Created));

        var (_, error) = Assert.Single((await outbox.DeliverPendingAsync()).Failed);

        Assert.Contains("answered 400 Bad Request", error, StringComparison.Ordinal);
        Assert.Contains("valid project is required", error, StringComparison.Ordinal);
        Assert.Empty(_jira.Issues);
    }
}
