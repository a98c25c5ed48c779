import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  type DataGridCellFocusMode,
  type TableColumnDefinition,
  type TableColumnId,
  type TableRowId,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  // Narrower than the grid's least width (a tablet), the grid scrolls inside this box and the page
  // keeps its width.
  scroller: { overflowX: 'auto' },
});

export interface ConsoleGridProps<T> {
  items: T[];
  columns: TableColumnDefinition<T>[];
  getRowId: (item: T) => TableRowId;
  /** The id of the heading that names the grid. */
  labelledBy: string;
  /** The grid's own class: its least width, below which it scrolls inside its box. */
  className: string;
  /** A column's class (header and cells alike): how it shares the row. */
  columnClass: (columnId: TableColumnId) => string | undefined;
  /**
   * How a cell takes focus: 'none' where it holds one link or button, so the arrow keys land on
   * that; 'group' where it holds several, opened with Enter. Every other cell is a plain 'cell'.
   */
  focusModeOf?: (columnId: TableColumnId, item: T) => DataGridCellFocusMode;
}

/**
 * A list of the console as a Fluent DataGrid (role grid: arrow keys between cells), its columns
 * sized by their classes, in a box of its own that scrolls sideways when the window is too narrow.
 * The Mailboxes grid, which selects and sorts, builds its own.
 */
export function ConsoleGrid<T>({
  items,
  columns,
  getRowId,
  labelledBy,
  className,
  columnClass,
  focusModeOf = () => 'cell',
}: ConsoleGridProps<T>) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <DataGrid items={items} columns={columns} getRowId={getRowId} aria-labelledby={labelledBy} className={className}>
        <DataGridHeader>
          <DataGridRow>
            {({ renderHeaderCell, columnId }) => (
              <DataGridHeaderCell className={columnClass(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>
            )}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<T>>
          {({ item, rowId }) => (
            <DataGridRow<T> key={rowId}>
              {({ renderCell, columnId }) => (
                <DataGridCell className={columnClass(columnId)} focusMode={focusModeOf(columnId, item)}>
                  {renderCell(item)}
                </DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
