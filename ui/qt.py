"""The one module that imports PySide6 (as Anki's aqt/qt): the rest of `ui` imports Qt names
from here, so a Qt upgrade or a binding switch touches one file.

Names are listed, not star-imported: `import *` builds the Python enums of every Qt class
(about 900) and cost 0.4 s at every start; this list is what `ui` uses.
"""

# ruff: noqa: F401
from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLibraryInfo,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QRunnable,
    QSettings,
    QSize,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)


def translate(context: str, text: str, disambiguation: str | None = None,
              n: int = -1) -> str:
    """Translate outside a QObject (lupdate reads these calls);
    `n` fills %n with the plural form."""
    return QCoreApplication.translate(context, text, disambiguation, n)
