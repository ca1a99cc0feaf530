//! hickory-proto's zone-file lexer (`serialize::txt::zone_lex`, 0.26), for the record data of
//! one line: the same tokens and the same errors, so a value reads here exactly as the zone
//! file parser read it. Ported rather than called because the parser drags the whole zone
//! file reader (and IDNA) into the web app's first module; the zone-file reader itself keeps
//! hickory's. Its quirks are kept on purpose (`\DDD` in quotes combines the digits as
//! `(d1 << 16) + (d2 << 8) + d3`; a `$` word is a directive token).

use std::fmt;
use std::iter::Peekable;
use std::str::Chars;

/// One token of the record data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A word, or a quoted string without its quotes.
    CharData(String),
    /// `( … )`: the words inside.
    List(Vec<String>),
    /// `@`.
    At,
    /// `$INCLUDE`.
    Include,
    /// `$ORIGIN`.
    Origin,
    /// `$TTL`.
    Ttl,
    /// Blank space at the start of a line.
    Blank,
    /// The end of the line.
    Eol,
}

impl Token {
    /// The name hickory's `Debug` gives a token the parser did not expect.
    pub fn debug_name(&self) -> String {
        match self {
            Token::CharData(s) => format!("CharData({s:?})"),
            Token::List(v) => format!("List({v:?})"),
            Token::At => "At".into(),
            Token::Include => "Include".into(),
            Token::Origin => "Origin".into(),
            Token::Ttl => "Ttl".into(),
            Token::Blank => "Blank".into(),
            Token::Eol => "EOL".into(),
        }
    }
}

/// hickory's `LexerError`, with its wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexError {
    Eof,
    IllegalCharacter(char),
    UnclosedList,
    UnclosedQuotedString,
    UnrecognizedChar(char),
    UnrecognizedDollar,
    UnrecognizedOctet(u32),
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LexError::Eof => write!(f, "unexpected end of input"),
            LexError::IllegalCharacter(c) => write!(f, "illegal character input: {c}"),
            LexError::UnclosedList => write!(f, "unclosed list, missing ')'"),
            LexError::UnclosedQuotedString => write!(f, "unclosed quoted string"),
            LexError::UnrecognizedChar(c) => write!(f, "unrecognized character input: {c}"),
            // hickory takes the directive's text before reporting it: always empty.
            LexError::UnrecognizedDollar => write!(f, "unrecognized dollar content: "),
            LexError::UnrecognizedOctet(v) => write!(f, "unrecognized octet: {v:x}"),
        }
    }
}

impl std::error::Error for LexError {}

#[derive(Clone, Copy, PartialEq)]
enum State {
    StartLine,
    Blank,
    RestOfLine,
    List,
    CharData { is_list: bool },
    Comment { is_list: bool },
    At,
    Quote,
    Dollar,
    Eol,
    Eof,
}

/// The lexer over a line's record data (what follows the type), its end of line included.
pub struct Lexer<'a> {
    txt: Peekable<Chars<'a>>,
    state: State,
}

impl<'a> Lexer<'a> {
    /// A lexer placed after a record's type, as hickory's is when it reaches the data.
    pub fn new(line: &'a str) -> Self {
        Self {
            txt: line.chars().peekable(),
            state: State::RestOfLine,
        }
    }

    /// A lexer at the start of a line (hickory reads an SVCB parameter's value so).
    pub fn at_line_start(text: &'a str) -> Self {
        Self {
            txt: text.chars().peekable(),
            state: State::StartLine,
        }
    }

    /// The next token; `None` at the end of the input.
    pub fn next_token(&mut self) -> Result<Option<Token>, LexError> {
        let mut list: Option<Vec<String>> = None;
        let mut data: Option<String> = None;
        loop {
            let ch = self.txt.peek().copied();
            match self.state {
                State::StartLine => {
                    self.state = match ch {
                        Some('\r' | '\n') => State::Eol,
                        Some(c) if c.is_whitespace() => State::Blank,
                        Some(_) => State::RestOfLine,
                        None => State::Eof,
                    }
                }
                State::Blank => {
                    self.txt.next();
                    self.state = State::RestOfLine;
                    return Ok(Some(Token::Blank));
                }
                State::RestOfLine => match ch {
                    Some('@') => self.state = State::At,
                    Some('(') => {
                        self.txt.next();
                        list = Some(Vec::new());
                        self.state = State::List;
                    }
                    Some(c @ ')') => return Err(LexError::IllegalCharacter(c)),
                    Some('$') => {
                        self.txt.next();
                        data = Some(String::new());
                        self.state = State::Dollar;
                    }
                    Some('\r' | '\n') => self.state = State::Eol,
                    Some('"') => {
                        self.txt.next();
                        data = Some(String::new());
                        self.state = State::Quote;
                    }
                    Some(';') => self.state = State::Comment { is_list: false },
                    Some(c) if c.is_whitespace() => {
                        self.txt.next();
                    }
                    Some(c) if !c.is_control() => {
                        data = Some(String::new());
                        self.state = State::CharData { is_list: false };
                    }
                    Some(c) => return Err(LexError::UnrecognizedChar(c)),
                    None => self.state = State::Eof,
                },
                State::Comment { is_list } => match ch {
                    Some('\r' | '\n') => {
                        self.state = if is_list { State::List } else { State::Eol };
                    }
                    Some(_) => {
                        self.txt.next();
                    }
                    None => self.state = State::Eof,
                },
                State::Quote => match ch {
                    Some('"') => {
                        self.state = State::RestOfLine;
                        self.txt.next();
                        return Ok(Some(Token::CharData(data.take().unwrap_or_default())));
                    }
                    Some('\\') => {
                        let c = self.escape_seq()?;
                        data.get_or_insert_with(String::new).push(c);
                    }
                    Some(c) => {
                        self.txt.next();
                        data.get_or_insert_with(String::new).push(c);
                    }
                    None => return Err(LexError::UnclosedQuotedString),
                },
                State::Dollar => match ch {
                    Some(c @ 'A'..='Z') => {
                        self.txt.next();
                        data.get_or_insert_with(String::new).push(c);
                    }
                    _ => {
                        self.state = State::RestOfLine;
                        return match data.take().unwrap_or_default().as_str() {
                            "INCLUDE" => Ok(Some(Token::Include)),
                            "ORIGIN" => Ok(Some(Token::Origin)),
                            "TTL" => Ok(Some(Token::Ttl)),
                            _ => Err(LexError::UnrecognizedDollar),
                        };
                    }
                },
                State::List => match ch {
                    Some(';') => {
                        self.txt.next();
                        self.state = State::Comment { is_list: true };
                    }
                    Some(')') => {
                        self.txt.next();
                        self.state = State::RestOfLine;
                        return Ok(Some(Token::List(list.take().unwrap_or_default())));
                    }
                    Some(c) if c.is_whitespace() => {
                        self.txt.next();
                    }
                    Some(c) if !c.is_control() => {
                        data = Some(String::new());
                        self.state = State::CharData { is_list: true };
                    }
                    Some(c) => return Err(LexError::UnrecognizedChar(c)),
                    None => return Err(LexError::UnclosedList),
                },
                State::CharData { is_list } => match ch {
                    Some(c @ ')') if !is_list => return Err(LexError::IllegalCharacter(c)),
                    Some(c) if c.is_whitespace() || c == ')' || c == ';' => {
                        let word = data.take().unwrap_or_default();
                        if is_list {
                            list.get_or_insert_with(Vec::new).push(word);
                            self.state = State::List;
                        } else {
                            self.state = State::RestOfLine;
                            return Ok(Some(Token::CharData(word)));
                        }
                    }
                    Some(c) if !c.is_control() => {
                        self.txt.next();
                        data.get_or_insert_with(String::new).push(c);
                    }
                    Some(c) => return Err(LexError::UnrecognizedChar(c)),
                    None => {
                        self.state = State::Eof;
                        return Ok(Some(Token::CharData(data.take().unwrap_or_default())));
                    }
                },
                State::At => {
                    self.txt.next();
                    self.state = State::RestOfLine;
                    return Ok(Some(Token::At));
                }
                State::Eol => match ch {
                    Some('\r') => {
                        self.txt.next();
                    }
                    Some('\n') => {
                        self.txt.next();
                        self.state = State::StartLine;
                        return Ok(Some(Token::Eol));
                    }
                    Some(c) => return Err(LexError::IllegalCharacter(c)),
                    None => return Err(LexError::Eof),
                },
                State::Eof => {
                    self.txt.next();
                    return Ok(None);
                }
            }
        }
    }

    /// `\X` or `\DDD` inside quotes.
    fn escape_seq(&mut self) -> Result<char, LexError> {
        self.txt.next();
        let ch = *self.txt.peek().ok_or(LexError::Eof)?;
        if ch.is_control() {
            return Err(LexError::IllegalCharacter(ch));
        }
        if !ch.is_numeric() {
            self.txt.next();
            return Ok(ch);
        }
        let mut digit = || -> Result<u32, LexError> {
            let c = self.txt.next().ok_or(LexError::Eof)?;
            c.to_digit(10).ok_or(LexError::IllegalCharacter(c))
        };
        let (d1, d2, d3) = (digit()?, digit()?, digit()?);
        let value = (d1 << 16) + (d2 << 8) + d3;
        char::from_u32(value).ok_or(LexError::UnrecognizedOctet(value))
    }
}
