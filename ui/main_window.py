"""The main window: mission switcher, pages on the left (dashboard, cases, CO training,
HQ screens by role), open cases and forms as tabs, sync status always in the status bar,
idle lock and shortcuts."""

from __future__ import annotations

from app.domain import Conflict, Framework, Person, Training
from app.store import Store
from ui import data, i18n, settings
from ui.case_list import CaseListPage
from ui.case_view import CaseView
from ui.dashboard import DashboardPage
from ui.dialogs import AboutDialog, HelpDialog, SettingsDialog
from ui.forms import FORMS, RecordForm, draft_key
from ui.hq import ConflictsPage, DecisionsPage, PlacementPage, PlanningPage, QuotaPage
from ui.labels import label
from ui.lock import IdleWatcher, LockPage
from ui.ops import Reader
from ui.qt import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QKeySequence,
    QLabel,
    QListView,
    QMainWindow,
    QShortcut,
    QSplitter,
    QStackedWidget,
    QStringListModel,
    QTabWidget,
    QToolBar,
    QWidget,
    translate,
)
from ui.status import SyncStatusWidget
from ui.training import TrainingPage
from ui.transfer import Transfers

_windows: list[MainWindow] = []  # windows made by `relaunch`, kept alive while open


def _t(text: str) -> str:
    return translate("Main", text)


class CasesPage(QTabWidget):
    """The case list as the first tab; opened cases and forms as closable tabs after it."""

    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("casesTabs")
        self.setTabsClosable(True)
        self.setDocumentMode(True)
        self.list = CaseListPage(store, reader, self)
        self.addTab(self.list, _t("Case list"))
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.RightSide, None)
        self.tabCloseRequested.connect(self.close_tab)
        self.list.open_case.connect(self.open_case)

    def _find(self, key: str) -> int:
        return next((i for i in range(1, self.count())
                     if self.widget(i).property("docKey") == key), -1)

    def open_case(self, case_id: str) -> CaseView:
        index = self._find(f"case:{case_id}")
        if index < 0:
            view = CaseView(self.store, case_id, self)
            view.setProperty("docKey", f"case:{case_id}")
            view.open_form.connect(self.open_form)
            view.changed.connect(self.list.model.refresh_rows)
            index = self.addTab(view, view.detail.case.unhcr_case_number)
        self.setCurrentIndex(index)
        return self.widget(index)  # type: ignore[return-value]

    def open_form(self, key: str, case_id: str, person_id: str) -> RecordForm:
        spec = FORMS[key]
        person = self.store.get(Person, person_id) if person_id else None
        doc = draft_key(spec, case_id, person_id or None, self.store.user_id)
        index = self._find(doc)
        if index < 0:
            form = RecordForm(self.store, spec, case_id, person, self)
            form.setProperty("docKey", doc)
            form.saved.connect(lambda: self._form_saved(case_id))
            who = f"{person.given_name}" if person else ""
            index = self.addTab(form, f"{translate('Forms', spec.title)} {who}".strip())
        self.setCurrentIndex(index)
        return self.widget(index)  # type: ignore[return-value]

    def _form_saved(self, case_id: str) -> None:
        index = self._find(f"case:{case_id}")
        if index >= 0:
            self.widget(index).reload()  # type: ignore[attr-defined]
        self.list.model.refresh_rows()

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.widget(index)
        if isinstance(widget, RecordForm):
            widget.save_draft()
        self.removeTab(index)
        widget.deleteLater()

    def forms(self) -> list[RecordForm]:
        return [w for i in range(self.count()) if isinstance(w := self.widget(i), RecordForm)]

    def open_tabs(self) -> list[tuple[str, str, str]]:
        """What each tab after the list shows: ("", case id, "") for a case, (form key, case
        id, person id or "") for a form; `reopen` opens them again."""
        tabs = []
        for i in range(1, self.count()):
            widget = self.widget(i)
            if isinstance(widget, RecordForm):
                tabs.append((widget.spec.key, widget.case_id,
                             widget.person.id if widget.person else ""))
            elif isinstance(widget, CaseView):
                tabs.append(("", widget.case_id, ""))
        return tabs

    def reopen(self, tabs: list[tuple[str, str, str]], current: int) -> None:
        """Open `tabs` in their order (forms from their drafts), `current` showing."""
        for position, (form_key, case_id, person_id) in enumerate(tabs, start=1):
            widget = (self.open_form(form_key, case_id, person_id) if form_key
                      else self.open_case(case_id))
            self.tabBar().moveTab(self.indexOf(widget), position)
        self.setCurrentIndex(current)

    def reopen_drafts(self) -> int:
        """Open every form this user left a draft in (after a crash, a kill or a close)."""
        mine = f"form:{self.store.user_id}:"
        opened = 0
        for key in self.store.draft_keys():
            if not key.startswith(mine):
                continue
            form_key, case_id, person_id = key[len(mine):].split(":")
            if form_key in FORMS and data.can_write(self.store, FORMS[form_key].resource):
                self.open_form(form_key, case_id, "" if person_id == "-" else person_id)
                opened += 1
        return opened


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        user = store.user
        self.setWindowTitle(f"Hervest — {user.display_name if user else ''}")
        self.resize(1366, 768)
        self.setMinimumSize(1024, 600)
        self.missions = data.missions(store)
        self.reader = Reader(store, self)
        self.reader.failed.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self._build_toolbar()
        self.pages = QStackedWidget()
        self.nav_model = QStringListModel(self)
        self.nav = QListView()
        self.nav.setObjectName("navigation")
        self.nav.setModel(self.nav_model)
        self.nav.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nav.setMaximumWidth(220)
        self._page_list: list[tuple[str, QWidget]] = []
        self.dashboard = DashboardPage(store, self.reader)
        self.cases = CasesPage(store, self.reader)
        self._add_page(_t("Dashboard"), self.dashboard)
        self._add_page(_t("Cases"), self.cases)
        self.training = self.quota = self.planning = self.decisions = None
        self.conflicts = self.placement = None
        if data.can_read(store, Training):
            self.training = TrainingPage(store, self.reader)
            self._add_page(_t("CO training"), self.training)
        if data.can_write(store, Framework):  # HQ coordinators
            self.quota = QuotaPage(store, self.reader)
            self.planning = PlanningPage(store, self.reader)
            self.decisions = DecisionsPage(store, self.reader)
            self.placement = PlacementPage(store, self.reader)
            for title, page in ((_t("Quota"), self.quota), (_t("Mission planning"),
                                self.planning), (_t("Final decisions"), self.decisions),
                                (_t("Placement"), self.placement)):
                self._add_page(title, page)
        if data.can_write(store, Conflict):  # IND resolves assessments, HQ final decisions
            self.conflicts = ConflictsPage(store)
            self._add_page(_t("Conflicts"), self.conflicts)
        self.nav.selectionModel().currentChanged.connect(
            lambda index, _: self.show_page(index.row()))
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 1170])
        splitter.setChildrenCollapsible(False)
        self.content = splitter
        self.lock_page = LockPage(store)
        self.lock_page.unlocked.connect(self.unlock)
        self.root = QStackedWidget()
        self.root.addWidget(self.content)
        self.root.addWidget(self.lock_page)
        self.setCentralWidget(self.root)
        self.sync_status = SyncStatusWidget(store, self.reader)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.transfers = Transfers(store, self.sync_status, self)
        self.transfers.finished.connect(lambda text: self.statusBar().showMessage(text, 15000))
        role = label(user.role) if user else ""
        self.statusBar().addWidget(QLabel(f"{user.name if user else ''} · {role}"))
        self._shortcuts()
        self.idle = IdleWatcher(settings.idle_minutes() * 60, self)
        self.idle.idle.connect(self.lock)
        self._hidden_dialogs: list[QDialog] = []
        self.mission_changed()
        self.nav.setCurrentIndex(self.nav_model.index(1 if self.missions else 0))
        reopened = self.cases.reopen_drafts()
        if reopened:
            self.statusBar().showMessage(
                translate("Main", "%n unsaved form(s) restored from drafts.", "", reopened))

    # -- building -------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar(_t("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        caption = QLabel(_t("&Mission: "))
        self.mission = QComboBox()
        self.mission.setObjectName("missionSwitcher")
        self.mission.setMinimumWidth(280)
        caption.setBuddy(self.mission)
        self.mission.addItem(_t("All missions and dossiers"), None)
        for mission in self.missions:
            self.mission.addItem(f"{mission.name} · {mission.host_country} · "
                                 f"{label(mission.status)}", mission.id)
        if self.missions:
            self.mission.setCurrentIndex(1)
        self.mission.currentIndexChanged.connect(lambda _: self.mission_changed())
        bar.addWidget(caption)
        bar.addWidget(self.mission)
        bar.addSeparator()
        actions = [(_t("Sync now"), lambda: self.transfers.sync_now()),
                   (_t("Export bundle…"), lambda: self.transfers.export_bundle())]
        if data.can_write(self.store, Framework):  # HQ reads the sticks from the field
            actions.append((_t("Import bundle…"), self.open_import))
        actions += [(_t("Print report…"), self.open_report), (_t("Enrol…"), self.open_enrol),
                    (_t("Lock"), self.lock), (_t("Settings"), self.open_settings),
                    (_t("Help"), self.open_help)]
        for text, slot in actions:
            bar.addAction(text, slot)

    def _add_page(self, title: str, page: QWidget) -> None:
        self._page_list.append((title, page))
        self.pages.addWidget(page)
        self.nav_model.setStringList([f"{t}  (Ctrl+{i + 1})" if i < 9 else t
                                      for i, (t, _) in enumerate(self._page_list)])

    def _shortcuts(self) -> None:
        self.shortcuts: list[QShortcut] = []

        def bind(keys: QKeySequence | str, slot: object) -> None:
            self.shortcuts.append(QShortcut(QKeySequence(keys), self, slot))  # type: ignore[call-overload]

        for i in range(min(9, len(self._page_list))):
            bind(f"Ctrl+{i + 1}", lambda i=i: self.nav.setCurrentIndex(self.nav_model.index(i)))
        bind("Ctrl+L", self.lock)
        bind("Ctrl+F", self.focus_search)
        bind("Ctrl+M", lambda: (self.mission.setFocus(), self.mission.showPopup()))
        bind("Ctrl+W", lambda: self.cases.close_tab(self.cases.currentIndex()))
        bind("F1", self.open_help)
        bind("Shift+F1", self.open_about)
        bind("Ctrl+P", self.open_report)
        bind("F5", self.transfers.sync_now)
        bind("Ctrl+E", self.transfers.export_bundle)
        bind("Ctrl+,", self.open_settings)
        bind(QKeySequence.StandardKey.Quit, self.close)

    # -- navigation -----------------------------------------------------------------------
    def show_page(self, row: int) -> None:
        if not 0 <= row < len(self._page_list):
            return
        page = self._page_list[row][1]
        self.pages.setCurrentWidget(page)
        if hasattr(page, "reload"):
            page.reload()

    def mission_id(self) -> str | None:
        return self.mission.currentData()

    def mission_changed(self) -> None:
        mission_id = self.mission_id()
        self.dashboard.show_mission(mission_id, self.mission.currentText())
        self.cases.list.set_mission(mission_id)
        if self.training is not None:
            self.training.set_mission(mission_id)

    def focus_search(self) -> None:
        self.nav.setCurrentIndex(self.nav_model.index(1))
        self.cases.setCurrentIndex(0)
        self.cases.list.search.setFocus()
        self.cases.list.search.selectAll()

    # -- locking --------------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self.root.currentWidget() is self.lock_page

    def lock(self) -> None:
        if self.is_locked():
            return
        for form in self.cases.forms():
            form.save_draft()  # nothing typed is lost, whatever happens while locked
        self._hidden_dialogs = [w for w in QApplication.topLevelWidgets()
                                if isinstance(w, QDialog) and w.isVisible()]
        for dialog in self._hidden_dialogs:
            dialog.hide()
        self._set_usable(False)
        self.root.setCurrentWidget(self.lock_page)
        self.lock_page.reset()

    def _set_usable(self, usable: bool) -> None:
        """While locked nothing but the lock page answers: no toolbar, no shortcuts."""
        self.toolbar.setVisible(usable)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(usable)

    def unlock(self) -> None:
        self._set_usable(True)
        self.root.setCurrentWidget(self.content)
        for dialog in self._hidden_dialogs:
            dialog.show()
        self._hidden_dialogs = []
        self.idle.touch()

    # -- dialogs --------------------------------------------------------------------------
    def open_settings(self) -> None:
        before = i18n.language()
        if not SettingsDialog(self).exec():
            return
        self.idle.set_seconds(settings.idle_minutes() * 60)
        if settings.language() != before:
            self.relaunch()

    def relaunch(self) -> MainWindow:
        """A new window in the new language, in the user's place: the same mission, page,
        search text and open tabs (forms from their drafts, so nothing typed is lost)."""
        for form in self.cases.forms():
            form.save_draft()
        tabs, current = self.cases.open_tabs(), self.cases.currentIndex()
        i18n.install()
        window = MainWindow(self.store)
        window.setGeometry(self.geometry())
        window.mission.setCurrentIndex(self.mission.currentIndex())
        window.cases.reopen(tabs, current)
        window.cases.list.search.setText(self.cases.list.search.text())
        window.nav.setCurrentIndex(window.nav_model.index(self.nav.currentIndex().row()))
        window.show()
        _windows.append(window)
        self.close()
        return window

    def open_help(self) -> None:
        HelpDialog(self, self.store).exec()

    def open_about(self) -> None:
        AboutDialog(self.store, self).exec()

    def open_enrol(self) -> None:
        from ui.enrol import EnrolDialog  # loads the sync client only when asked for

        EnrolDialog(self.store, self).exec()
        self.sync_status.refresh()

    def open_import(self) -> None:
        from ui.bundle_import import ImportBundleDialog

        dialog = ImportBundleDialog(self.store, self)
        dialog.imported.connect(lambda _: self.mission_changed())
        dialog.exec()

    def current_case_id(self) -> str | None:
        view = self.cases.currentWidget()
        return view.detail.case.id if isinstance(view, CaseView) else None

    def open_report(self) -> None:
        from ui.report_dialog import ReportDialog  # reportlab loads on first use

        ReportDialog(self.store, self.mission_id(), self.current_case_id(), self).exec()

    def closeEvent(self, event: object) -> None:
        if self in _windows:
            _windows.remove(self)
        for form in self.cases.forms():
            form.save_draft()
        self.idle.stop()
        self.sync_status.stop()
        self.cases.list.stop()
        self.reader.close()
        super().closeEvent(event)  # type: ignore[arg-type]
