// The cascade's order: a rule wins over an earlier one of equal specificity, so this list keeps the
// order the stylesheets were written in (a component importing its own stylesheet would reorder them).
// Each stylesheet lives beside what it styles.

// Tokens, reset, generic pieces, the simple pages.
import './base.css';
import '../ui/buttons.css';
import '../ui/brand.css';
import '../i18n/locale-switch.css';
import '../ui/screen.css';
import '../features/entry/home/home.css';
import '../features/entry/join/join.css';
import '../ui/forms.css';
import '../features/entry/home/join-code-form.css';

// The workshop page: the shell, the canvas, presence, the projector, following.
import '../workshop/board.css';
import '../toolbox/presence/presence.css';
import '../workshop/connection.css';
import '../toolbox/canvas/canvas.css';
import '../toolbox/presence/cursors.css';
import '../workshop/banners.css';
import '../features/facilitation/projector/projector.css';
import '../features/facilitation/follow/follow.css';

// Notes, popovers, side panels, toasts, the facilitator's panels and toggles.
import '../toolbox/notes/note.css';
import '../ui/popover.css';
import '../ui/combo-picker.css';
import '../ui/side-panel.css';
import '../features/facilitation/share/share-panel.css';
import '../toolbox/notes/theme-picker.css';
import '../ui/toasts.css';
import '../features/facilitation/participants/participants.css';
import '../features/facilitation/tables/tables.css';
import '../features/facilitation/tables/give/give.css';
import '../features/facilitation/tables/overview/overview.css';
import '../features/facilitation/tables/plenary/plenary.css';
import '../ui/confirm.css';
import '../toolbox/notes/filter-menu.css';
import '../features/facilitation/themes/theme-editor.css';
import '../features/facilitation/boardPanel/board-panel.css';
import '../features/facilitation/balance/balance.css';
import '../features/facilitation/followUp/follow-up.css';
import '../features/facilitation/timer/timer.css';
import '../features/facilitation/lock/lock.css';
import '../features/facilitation/silent/silent.css';
import '../features/privacy/privacy.css';

// The step bar, a step's question, then the six steps.
import '../workshop/step-bar.css';
import '../features/method/question/question.css';
import '../features/method/issues/issues-step.css';
import '../features/method/issues/issue.css';
import '../features/method/issues/new-issue.css';
import '../features/method/issues/issue-menu.css';
import '../features/method/issues/projector.css';
import '../features/method/axes/axes-step.css';
import '../features/method/axes/axis-column.css';
import '../features/method/axes/issue-card.css';
import '../features/method/axes/projector.css';
import '../features/method/actions/actions-step.css';
import '../features/method/actions/sheet-card.css';
import '../features/method/actions/sheet-editor.css';
import '../features/method/actions/collaborative-text.css';
import '../features/method/actions/financing-plan.css';
import '../features/method/actions/milestones.css';
import '../features/method/actions/public/public-data.css';
import '../features/method/actions/projector.css';
import '../features/method/plan/step-frame.css';
import '../features/method/plan/tables.css';
import '../features/method/plan/new-row.css';
import '../features/method/plan/crte.css';
import '../features/method/plan/labels.css';
import '../features/method/plan/process.css';
import '../features/method/plan/orphans.css';
import '../features/method/plan/overview.css';
import '../features/method/plan/projector.css';

// Outputs: votes, export and import.
import '../features/outputs/votes/ballot.css';
import '../features/outputs/votes/score-grid.css';
import '../features/outputs/votes/pills.css';
import '../features/outputs/votes/vote-banner.css';
import '../features/outputs/votes/results.css';
import '../features/outputs/votes/votes-panel.css';
import '../features/outputs/votes/new-round-form.css';
import '../features/outputs/votes/projector.css';
import '../features/outputs/export/export-panel.css';
import '../features/outputs/export/public-pack.css';
import '../features/outputs/export/import.css';

// Strategies: the strategy page, a new session, what changed (also the recap panel in a session).
import '../features/strategy/strategy.css';

// Last: phones and tablets adjust the rules above (touch targets, then narrow widths).
import '../ui/touch.small.css';
import '../ui/screen.small.css';
import '../workshop/workshop.small.css';
import '../toolbox/canvas/toolbar.small.css';
import '../features/method/issues/issues.small.css';
import '../features/method/axes/axes.small.css';
import '../features/method/actions/actions.small.css';
import '../features/method/plan/plan.small.css';
import '../features/outputs/votes/votes.small.css';
