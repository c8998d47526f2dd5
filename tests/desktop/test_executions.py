"""The executions view: the run history, filtered, with each step's data and retries."""

from __future__ import annotations

from flowin_engine.events import ExecutionStatus

from .conftest import WAIT_MS, add, click, plain


def _failing_flow(qtbot, editor):
    trigger = add(editor, "core.manual_trigger", 0, 0)
    greet = add(editor, "core.set_fields", 300, 0)
    check = add(editor, "core.condition", 600, 0)
    editor.document.flow.node(greet).params["fields"] = [{"name": "total", "value": 5}]
    editor.document.flow.node(check).params["conditions"] = [
        {"left": "{{ input.missing }}", "operator": "equals", "right": "1"}
    ]
    editor.scene.connect(trigger, "main", greet, "main")
    editor.scene.connect(greet, "main", check, "main")
    editor.saving._saved = False
    with qtbot.waitSignal(editor.test_run.finished, timeout=WAIT_MS) as finished:
        assert editor.test_run.start()
    assert finished.args[0].status == ExecutionStatus.FAILED
    return trigger, greet, check


def test_the_history_lists_runs_filters_them_and_shows_each_steps_data(qtbot, window):
    window.new_flow()
    editor = window.editor
    _failing_flow(qtbot, editor)
    window.executions_action.trigger()  # the editor keeps it in its "More" menu
    view = window.executions
    assert window.pages.currentWidget() is view
    assert view.flow_filter.currentData() == editor.document.flow.id
    [run_id] = view.execution_ids()

    steps = [
        plain(view.steps.topLevelItem(i).text(0)) for i in range(view.steps.topLevelItemCount())
    ]
    assert steps[1:] == ["Manual trigger", "Set fields", "If / else"]
    assert plain(view.steps.currentItem().text(0)) == "If / else"  # the failed step is shown first
    top = [view.data_model.item(r, 0).text() for r in range(view.data_model.rowCount())]
    assert top == ["Input", "Error", "Settings it ran with"]
    assert "missing" in view.data_model.item(1, 1).text()

    view.steps.setCurrentItem(view.steps.topLevelItem(2))
    output = view.data_model.item(1, 0)
    assert output.text() == "Output"
    fields = {
        output.child(r, 0).text(): output.child(r, 1).text() for r in range(output.rowCount())
    }
    assert plain(fields["Total"]) == "5"

    view.status_filter.setCurrentIndex(view.status_filter.findData("success"))
    assert view.execution_ids() == []
    assert view.empty.isVisibleTo(view)
    view.status_filter.setCurrentIndex(view.status_filter.findData("failed"))
    view.period_filter.setCurrentIndex(view.period_filter.findData("today"))
    assert view.execution_ids() == [run_id]

    click(qtbot, view.back_button)
    assert window.pages.currentWidget() is window.editor


def test_retry_from_the_failed_step_reuses_what_succeeded_and_shows_live(qtbot, window):
    window.new_flow()
    editor = window.editor
    _failing_flow(qtbot, editor)
    window.show_executions()
    view = window.executions
    [failed_id] = view.execution_ids()
    assert view.retry_button.isVisible()

    click(qtbot, view.retry_button)

    def retry_shown_and_ended() -> bool:
        current = view.list.currentItem()
        return (
            len(view.execution_ids()) == 2
            and current is not None
            and current.text(0).endswith("↻")
            and view.summary.text().startswith(view.status_text("failed"))
        )

    qtbot.waitUntil(retry_shown_and_ended, timeout=WAIT_MS)
    retry = view.detail
    assert retry.retry_of == failed_id
    assert retry.mode == "retry"
    statuses = {s.node_name: s.status.value for s in retry.steps}
    assert statuses["Set fields"] == "reused"
    assert statuses["If / else"] == "failed"
    assert view.list.currentItem().text(0).endswith("↻")


def test_a_big_trigger_body_is_shown_cut_around_its_small_fields(qtbot, window):
    window.new_flow()
    editor = window.editor
    trigger = add(editor, "core.manual_trigger", 0, 0)
    greet = add(editor, "core.set_fields", 300, 0)
    editor.document.flow.node(greet).params["fields"] = [{"name": "total", "value": 5}]
    editor.scene.connect(trigger, "main", greet, "main")
    editor.saving.save_now()
    big = {"name": "Layla", "lines": ["x" * 1000] * 1000}  # about 1 MB of JSON
    with editor.folder.runner() as runner:
        assert runner.run(editor.document.flow, big).ok
        assert runner.events.flush()
    assert (
        editor.store.executions.get(editor.store.executions.summaries()[0].id).trigger_data == big
    )

    window.show_executions()
    view = window.executions
    view.steps.setCurrentItem(view.steps.topLevelItem(0))
    shown = view.data_model.item(0, 0)
    assert shown.text() == "Trigger data"
    fields = {shown.child(r, 0).text(): shown.child(r, 0) for r in range(shown.rowCount())}
    assert plain(shown.child(0, 1).text()) == "Layla"
    lines = fields["Lines"]
    # The part cut for the history says so in words, with how it starts.
    assert plain(shown.child(1, 1).text()).startswith("too big to keep whole (")
    assert lines.child(0, 0).text() == "Starts with"
    assert plain(lines.child(0, 1).text()).startswith('["xxx')


def test_a_step_output_too_big_to_keep_is_not_pinned_as_its_marker(qtbot, window):
    window.new_flow()
    editor = window.editor
    trigger = add(editor, "core.manual_trigger", 0, 0)
    editor.saving.save_now()
    with editor.folder.runner() as runner:
        assert runner.run(editor.document.flow, {"lines": ["x" * 1000] * 1000}).ok
        assert runner.events.flush()

    assert not editor.test_run.set_pinned(trigger, True)
    assert editor.document.flow.pinned == {}
    assert "too big to keep" in window.statusBar().currentMessage()


def test_a_run_cut_short_when_flowin_stopped_reads_in_arabic(qtbot, window):
    from datetime import UTC, datetime

    from flowin_engine.events import ExecutionStarted, StepStarted
    from flowin_engine.model import Flow, Node

    from .conftest import plain

    store = window.store
    store.flows.save(
        Flow(id="orders", name="Orders", nodes=[Node(id="n", type="core.noop", name="Note")])
    )
    now = datetime.now(UTC)
    store.executions.record(
        [
            ExecutionStarted("cut-short", "orders", "Orders", {}, now, "webhook"),
            StepStarted("cut-short", "n", "Note", "core.noop", 1, None, {}, now),
        ]
    )
    assert store.executions.mark_interrupted(["cut-short"]) == 1
    window.set_language("ar")
    window.show_executions()
    view = window.executions
    view.select("cut-short")

    assert plain(view.error.text()) == "توقف Flowin أثناء تنفيذ هذا التشغيل."
    view.steps.setCurrentItem(view.steps.topLevelItem(1))
    shown = {
        view.data_model.item(r, 0).text(): view.data_model.item(r, 1).text()
        for r in range(view.data_model.rowCount())
    }
    assert plain(shown["الخطأ"]) == "توقف Flowin أثناء تنفيذ هذه الخطوة."


def test_a_run_the_cloud_ran_is_marked_as_such_in_the_list_and_its_summary(qtbot, window):
    from datetime import UTC, datetime

    from flowin_desktop.executions import CLOUD_MODE, ID_ROLE
    from flowin_engine.events import ExecutionFinished, ExecutionStarted, ExecutionStatus
    from flowin_engine.model import Flow, Node
    from flowin_engine.sync.runs import CLOUD_MODE as ENGINE_CLOUD_MODE

    from .conftest import plain

    assert CLOUD_MODE == ENGINE_CLOUD_MODE
    store = window.store
    store.flows.save(
        Flow(id="orders", name="Orders", nodes=[Node(id="n", type="core.noop", name="Note")])
    )
    now = datetime.now(UTC)
    for run_id, mode in (("in-cloud", CLOUD_MODE), ("here", "webhook")):
        store.executions.record(
            [
                ExecutionStarted(run_id, "orders", "Orders", {}, now, mode),
                ExecutionFinished(run_id, "orders", ExecutionStatus.SUCCESS, now, 0.5),
            ]
        )
    window.set_language("ar")
    window.show_executions()
    view = window.executions
    rows = {
        view.list.topLevelItem(i).data(0, ID_ROLE): view.list.topLevelItem(i)
        for i in range(view.list.topLevelItemCount())
    }

    assert rows["in-cloud"].text(0).endswith("☁") and not rows["here"].text(0).endswith("☁")
    assert rows["in-cloud"].toolTip(0) == "جرى هذا التشغيل في السحابة، لا على هذا الحاسوب"
    assert rows["here"].toolTip(0) == ""
    view.select("in-cloud")
    assert plain(view.summary.text()).endswith("· في السحابة")
    view.select("here")
    assert "السحابة" not in view.summary.text()
