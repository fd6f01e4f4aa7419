export { Button } from './Button';
export { Field } from './Field';
export { Dialog } from './Dialog';
export { ConfirmButton } from './ConfirmButton';
export { Tabs, type Tab } from './Tabs';
export { Table, type Column } from './Table';
export { ErrorTable } from './ErrorTable';
export { ToastProvider, useToast } from './Toast';
export { TownSelect } from './TownSelect';
