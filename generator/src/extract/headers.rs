//! Column roles: what each table column means, whatever language or wording the header uses.

/// The meaning of a table column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Name,
    Type,
    Required,
    Example,
    Description,
    HttpStatus,
    ErrorCode,
    ErrorMessage,
    RamAction,
    AccessLevel,
    ResourceType,
    ConditionKey,
    DependentAction,
    Api,
}

/// Maps one header cell to its role. Readers have already removed format artifacts
/// (look-alike letters, broken words); this only knows the vocabulary of the docs.
pub fn role_of(header: &str) -> Option<Role> {
    let h: String = header
        .trim()
        .trim_end_matches(['?', '？', ' '])
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(match h.as_str() {
        "parameter" | "parameters" | "name" | "名称" | "参数" | "element" | "field" | "字段"
        | "参数名" => Role::Name,
        "type" | "类型" => Role::Type,
        "required" | "require" | "required or not" | "是否必选" | "必选" | "是否必须" => {
            Role::Required
        }
        "example" | "example value" | "示例值" | "示例" => Role::Example,
        "description" | "描述" | "说明" => Role::Description,
        "httpcode" | "http code" | "http status code" | "http状态码" | "状态码" => {
            Role::HttpStatus
        }
        "error code" | "错误码" => Role::ErrorCode,
        "error message" | "错误信息" => Role::ErrorMessage,
        "action" | "操作" => Role::RamAction,
        "access level" | "访问级别" => Role::AccessLevel,
        "resource type" | "资源类型" => Role::ResourceType,
        "condition key" | "条件关键字" => Role::ConditionKey,
        "dependent action" | "关联操作" => Role::DependentAction,
        "api" | "operation" | "接口" | "api名称" => Role::Api,
        _ => return None,
    })
}

/// Column index per role for one table header.
#[derive(Debug, Default)]
pub struct Columns {
    roles: Vec<Option<Role>>,
}

impl Columns {
    pub fn new<'a>(headers: impl IntoIterator<Item = &'a str>) -> Self {
        Columns {
            roles: headers.into_iter().map(role_of).collect(),
        }
    }

    pub fn index(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }

    pub fn has(&self, role: Role) -> bool {
        self.index(role).is_some()
    }

    /// Header positions whose wording is not understood (empty headers are padding).
    pub fn unknown(&self) -> impl Iterator<Item = usize> + '_ {
        self.roles
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_none())
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_all_seed_wordings() {
        for (h, r) in [
            ("名称", Role::Name),
            ("是否必选", Role::Required),
            ("示例值", Role::Example),
            ("Required ?", Role::Required),
            ("Example value", Role::Example),
            ("Require", Role::Required),
            ("HTTP status code", Role::HttpStatus),
            ("HttpCode", Role::HttpStatus),
            ("Error code", Role::ErrorCode),
            ("Element", Role::Name),
            // corpus ActivateRouterInterface (en-US) heads its response table `Parameters`.
            ("Parameters", Role::Name),
            // corpus CreateVSwitch (en-US).
            ("Required or not", Role::Required),
        ] {
            assert_eq!(role_of(h), Some(r), "{h}");
        }
        assert_eq!(role_of("Colour"), None);
    }
}
